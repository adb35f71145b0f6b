import type { Config, Logger } from '../../core/index.ts';
import { createDiscordBot } from '../../bot/discord/index.ts';
import { createTelegramBot, launchTelegramBot } from '../../bot/telegram/index.ts';
import type { Product } from './product.ts';

export interface RunningBots {
  /** Platform → a short status for the banner and /healthz. */
  status(): Record<string, string>;
  close(): Promise<void>;
}

/** Starts each bot whose token is set. */
export async function startBots(config: Config, logger: Logger, product: Product): Promise<RunningBots> {
  const status: Record<string, string> = { discord: 'not configured', telegram: 'not configured' };
  const closers: (() => Promise<void>)[] = [];
  const bots = { deps: product.deps, share: product.share, logger };
  if (config.discord.token) {
    const client = createDiscordBot(config.discord.apiUrl, bots, config.discord.shards);
    try {
      await client.login(config.discord.token);
      closers.push(async () => client.destroy());
      const shards =
        client.ws.shards.size > 1 || config.discord.shards ? `, shards ${[...client.ws.shards.keys()].join(',')} of ${client.options.shardCount ?? 1}` : '';
      status.discord = `running as ${client.user?.username ?? 'bot'} (gateway${shards})`;
    } catch (err) {
      // Same rule as Telegram: one platform failing leaves the others and the web server up.
      status.discord = `failed to start: ${(err as Error).message}`;
      logger.error({ err, platform: 'discord' }, 'discord bot failed to start');
    }
  }
  if (config.telegram.token) {
    const bot = createTelegramBot(config.telegram.token, config.telegram.apiRoot, bots);
    try {
      const webhook = config.telegram.webhook;
      closers.push(await launchTelegramBot(bot, webhook && { ...webhook, host: config.host }));
      status.telegram = `running as @${bot.botInfo?.username ?? 'bot'} (${webhook ? `webhook ${webhook.url} → port ${webhook.port}` : 'long polling'})`;
    } catch (err) {
      // A rejected token or an unreachable API must not take the web server and other bots down with it.
      status.telegram = `failed to start: ${(err as Error).message}`;
      logger.error({ err, platform: 'telegram' }, 'telegram bot failed to start');
    }
  }
  return {
    status: () => status,
    close: async () => {
      await Promise.all(closers.map((close) => close()));
    },
  };
}

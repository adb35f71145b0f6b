import { Telegraf } from 'telegraf';
import { favHandler } from './handlers/fav.handler.ts';
import { forgetHandler } from './handlers/forget.handler.ts';
import { inlineHandler } from './handlers/inline.handler.ts';
import { recommendHandler } from './handlers/recommend.handler.ts';
import { shareHandler } from './handlers/share.handler.ts';
import { startHandler } from './handlers/start.handler.ts';
import type { TelegramDeps } from './telegram-context.ts';

const RECENT_UPDATES = 10_000;

export const COMMANDS = [
  { command: 'fav', description: 'save a favourite movie' },
  { command: 'recommend', description: 'movies for you' },
  { command: 'share', description: 'a link to your page' },
  { command: 'forget', description: 'delete everything about you' },
  { command: 'help', description: 'what I can do' },
];

/** The Telegram bot: every handler registered here, in one place. */
export function createTelegramBot(token: string, apiRoot: string, deps: TelegramDeps): Telegraf {
  const bot = new Telegraf(token, { telegram: { apiRoot } });
  // Telegram redelivers an update it thinks was lost; each is handled once.
  const recent = new Set<number>();
  bot.use(async (ctx, next) => {
    if (recent.has(ctx.update.update_id)) return;
    recent.add(ctx.update.update_id);
    if (recent.size > RECENT_UPDATES) recent.delete(recent.values().next().value!);
    await next();
  });
  bot.use(startHandler(deps), favHandler(deps), recommendHandler(deps), shareHandler(deps), forgetHandler(deps), inlineHandler(deps));
  bot.action(/.*/, (ctx) => ctx.answerCbQuery('This button has expired.'));
  // Without bot.catch a throwing handler stops polling and the update is lost for good.
  bot.catch((err, ctx) => deps.logger.error({ err, updateId: ctx.update.update_id }, 'telegram update failed'));
  return bot;
}

/** Starts long polling; resolves once the bot is registered and polling. */
export async function launchTelegramBot(bot: Telegraf): Promise<() => Promise<void>> {
  // Known before polling starts, so the banner and /healthz can name the bot (and a bad token fails here).
  bot.botInfo = await bot.telegram.getMe();
  await bot.telegram.setMyCommands(COMMANDS);
  void bot.launch({ allowedUpdates: ['message', 'callback_query', 'inline_query', 'message_reaction'] });
  return async () => bot.stop('shutdown');
}

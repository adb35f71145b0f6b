import type { Config, Logger } from '../../core/index.ts';

export interface RunningBots {
  /** Platform → a short status for the banner and /healthz. */
  status(): Record<string, string>;
  close(): Promise<void>;
}

/**
 * Starts each bot whose token is set. The Discord and Telegram adapters are
 * not part of this build yet, so a configured token is reported, not ignored.
 */
export async function startBots(config: Config, logger: Logger): Promise<RunningBots> {
  const status: Record<string, string> = {
    discord: config.discord.token ? 'token set, but this build has no Discord adapter yet' : 'not configured',
    telegram: config.telegram.token ? 'token set, but this build has no Telegram adapter yet' : 'not configured',
  };
  for (const [platform, state] of Object.entries(status)) {
    if (state !== 'not configured') logger.warn({ platform }, state);
  }
  return { status: () => status, close: async () => {} };
}

/**
 * What every adapter handler test needs: the real use cases on in-memory
 * stores with the small three-taste model (sci-fi 1–12, romance 21–32,
 * horror 41–52, "Blockbuster" 99), share links, and a logger that records
 * what would have been logged.
 */
import type { Logger, Platform, Recommender } from '../../core/index.ts';
import { memoryCommunityDeps, memoryShareDeps, smallModel, type MemoryCommunityDeps } from '../../test/support/memory-community.ts';
import { DiscordNights } from '../discord/night-actions.ts';
import { recordingSide } from '../discord/testing/recording-side.ts';

export { smallCatalog } from '../../test/support/memory-community.ts';

export interface LoggedLine {
  level: 'error' | 'warn' | 'info';
  fields: Record<string, unknown>;
  message: string;
}

/** A logger that keeps its lines, so a test can check an unexpected error was logged (and an expected one was not). */
export function recordingLogger(): Logger & { lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  const at =
    (level: LoggedLine['level']) =>
    (fields: Record<string, unknown>, message = '') =>
      void lines.push({ level, fields, message });
  const logger = { lines, error: at('error'), warn: at('warn'), info: at('info'), debug: () => undefined, child: () => logger };
  return logger as unknown as Logger & { lines: LoggedLine[] };
}

let model: Promise<Recommender> | undefined;

/**
 * Fresh stores for each call; the model is fitted once and shared (nothing
 * writes to it). `nights` is Discord's movie nights over a client that
 * records its REST calls (`discord.calls`), editing without delay.
 */
export async function botDeps(publicUrl = 'https://movies.example') {
  model ??= smallModel();
  const deps: MemoryCommunityDeps = memoryCommunityDeps(await model);
  const logger = recordingLogger();
  const discord = recordingSide();
  return { deps, share: memoryShareDeps(deps, publicUrl), logger, discord, nights: new DiscordNights(discord, deps, logger, 0) };
}

export const GENERIC_APOLOGY = 'Something went wrong on our side; please try again.';

/** What the stores hold for one person: their favourites and every 👍/👎 event. */
export async function tasteOf(deps: MemoryCommunityDeps, platform: Platform, platformUserId: string) {
  const userId = await deps.accounts.findUser(platform, platformUserId);
  if (userId === null) return { favorites: [], feedback: [] };
  return { favorites: await deps.favorites.list(userId), feedback: await deps.feedback.history(userId) };
}

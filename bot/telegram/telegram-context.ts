import type { Context } from 'telegraf';
import type { CommunityDeps, Logger, PlatformIdentity, ShareDeps } from '../../core/index.ts';

/** What every Telegram handler needs: the product's use-case dependencies. */
export interface TelegramDeps {
  deps: CommunityDeps;
  share: ShareDeps;
  logger: Logger;
}

export function identityOf(ctx: Context): PlatformIdentity {
  const from = ctx.from!;
  return { platform: 'telegram', platformUserId: String(from.id), username: from.username ?? from.first_name ?? null };
}

/** Callback data is 1–64 bytes (Telegram): ids only, never titles. */
export const CALLBACK = {
  pickFavorite: (movieId: number) => `f:${movieId}`,
  confirmForget: 'x:forget',
} as const;

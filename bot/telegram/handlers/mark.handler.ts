import type { Context } from 'telegraf';
import { Composer } from 'telegraf';
import { addToWatchlist, markSeen, movieLabel } from '../../../core/index.ts';
import { markId, parseMarkId, type Mark } from '../../shared/mark-id.ts';
import { callbackScheme } from '../callback-data.ts';
import { answering } from '../reply-errors.ts';
import { identityOf, type TelegramDeps } from '../telegram-context.ts';

/** A "👁 Seen it" or "🕐 Later" button: "sn:<movieId>" or "lt:<movieId>", as on Discord. */
export const markMovie = callbackScheme<{ mark: Mark; movieId: number }>(
  /^(?:sn|lt):\d{1,9}$/,
  ({ mark, movieId }) => markId(mark, movieId),
  (match) => parseMarkId(match[0])!,
);

/** A 👁/🕐 tap: stored (the same tap twice changes nothing) and acknowledged with the title. */
export function markHandler({ deps, logger }: TelegramDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.action(markMovie.pattern, (ctx) =>
    answering(ctx, logger, async () => {
      const { mark, movieId } = markMovie.parse(ctx.match[0])!;
      const identity = identityOf(ctx);
      if (mark === 'seen') {
        const { movie, marked } = await markSeen(deps, identity, movieId, 'button');
        return void (await ctx.answerCbQuery(`${marked ? '👁 Seen' : 'Already seen'}: ${movieLabel(movie, 150)} — not recommended again`));
      }
      const { movie, added } = await addToWatchlist(deps, identity, movieId);
      await ctx.answerCbQuery(`${added ? '🕐 On your watchlist' : 'Already on your watchlist'}: ${movieLabel(movie, 150)} (/watchlist)`);
    }),
  );
  return composer;
}

import type { Context } from 'telegraf';
import { Composer } from 'telegraf';
import { movieLabel, recordFeedback } from '../../../core/index.ts';
import { RATING_ID, parseRatingId, ratingId } from '../../shared/rating-id.ts';
import type { CallbackScheme } from '../callback-data.ts';
import { answering } from '../reply-errors.ts';
import { identityOf, type TelegramDeps } from '../telegram-context.ts';

/** A 👍/👎 button, on /recommend's list or on a movie card: "r:u:<movieId>" or "r:d:<movieId>", as on Discord. */
export const rateMovie: CallbackScheme<{ value: 1 | -1; movieId: number }> = {
  pattern: RATING_ID,
  data: ({ value, movieId }) => ratingId(value, movieId),
  parse: parseRatingId,
};

/** A 👍/👎 tap: recorded (once, however often Telegram delivers it) and acknowledged with the title. */
export function feedbackHandler({ deps, logger }: TelegramDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.action(rateMovie.pattern, (ctx) =>
    answering(ctx, logger, async () => {
      const { value, movieId } = rateMovie.parse(ctx.match[0])!;
      const { movie, recorded } = await recordFeedback(deps, {
        identity: identityOf(ctx),
        movieId,
        value,
        source: 'button',
        // The callback query id identifies the tap: a redelivered update is stored once.
        eventKey: `tg:cb:${ctx.callbackQuery.id}`,
      });
      await ctx.answerCbQuery(recorded ? `${value === 1 ? '👍' : '👎'} ${movieLabel(movie, 150)}` : 'Already noted');
    }),
  );
  return composer;
}

import type { Context } from 'telegraf';
import { Composer } from 'telegraf';
import { movieLabel, rateMovieNight } from '../../../core/index.ts';
import { nightRating } from '../night-callbacks.ts';
import { answering } from '../reply-errors.ts';
import { identityOf, type TelegramDeps } from '../telegram-context.ts';

/**
 * 👍/👎 on "how was it?": recorded (once per tap, however often Telegram
 * delivers it) for someone who was in; anyone else is told why not.
 */
export function nightRatingHandler({ deps, logger }: TelegramDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.action(nightRating.pattern, (ctx) =>
    answering(ctx, logger, async () => {
      const { value, nightId } = nightRating.parse(ctx.match[0])!;
      const { movie, recorded, attended } = await rateMovieNight(deps, {
        nightId,
        identity: identityOf(ctx),
        value,
        eventKey: `tg:cb:${ctx.callbackQuery.id}`,
      });
      if (!attended) return void (await ctx.answerCbQuery('Only people who said they were in can rate this night.'));
      await ctx.answerCbQuery(recorded ? `${value === 1 ? '👍' : '👎'} ${movieLabel(movie, 150)} — thanks!` : 'Already noted');
    }),
  );
  return composer;
}

import type { Context } from 'telegraf';
import { Composer, Markup } from 'telegraf';
import { movieLabel, recommend, recordFeedback, serverPick, type RecommendedMovie } from '../../../core/index.ts';
import { pickedFor } from '../../shared/picked-for.ts';
import { answering } from '../reply-errors.ts';
import { parseRatingId, RATING_ID, ratingId } from '../../shared/rating-id.ts';
import { groupOf, identityOf, type TelegramDeps } from '../telegram-context.ts';

function listText(picks: RecommendedMovie[], heading = 'You might like:'): string {
  const lines = picks.map((p, i) => {
    const why = p.because ? `\n   because you liked ${movieLabel(p.because)}` : '';
    return `${i + 1}. ${movieLabel(p.movie)} — ${p.movie.genres.join(', ')}${why}`;
  });
  return `${heading}\n${lines.join('\n')}`;
}

/** /recommend: five movies, a 👍/👎 pair of buttons for each. */
export function recommendHandler({ deps, logger }: TelegramDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('recommend', (ctx) =>
    answering(ctx, logger, async () => {
      if (ctx.payload.trim() === 'group') {
        const group = groupOf(ctx);
        if (!group) return void (await ctx.reply('The group pick works in a group: add me to one and send /recommend group there.'));
        const { picks, members } = await serverPick(deps, group, 5);
        const who = pickedFor(members, (m) => m.username ?? 'someone');
        return void (await ctx.reply(listText(picks, `🍿 Group pick — ${who}:`).slice(0, 4096)));
      }
      const picks = await recommend(deps, identityOf(ctx), { k: 5 });
      await ctx.reply(
        listText(picks),
        Markup.inlineKeyboard(
          picks.map((p, i) => [
            Markup.button.callback(`👍 ${i + 1}`, ratingId(1, p.movie.id)),
            Markup.button.callback(`👎 ${i + 1}`, ratingId(-1, p.movie.id)),
          ]),
        ),
      );
    }),
  );
  composer.action(RATING_ID, (ctx) =>
    answering(ctx, logger, async () => {
      const { value, movieId } = parseRatingId(ctx.match[0])!;
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

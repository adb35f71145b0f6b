import type { Context } from 'telegraf';
import { Composer, Markup } from 'telegraf';
import { movieLabel, recommend, serverPick, type RecommendedMovie } from '../../../core/index.ts';
import { pickedFor } from '../../shared/picked-for.ts';
import { answering } from '../reply-errors.ts';
import { groupOf, identityOf, type TelegramDeps } from '../telegram-context.ts';
import { rateMovie } from './feedback.handler.ts';
import { markMovie } from './mark.handler.ts';

function listText(picks: RecommendedMovie[], heading = 'You might like:'): string {
  const lines = picks.map((p, i) => {
    const why = p.because ? `\n   because you liked ${movieLabel(p.because)}` : '';
    return `${i + 1}. ${movieLabel(p.movie)} — ${p.movie.genres.join(', ')}${why}`;
  });
  return `${heading}\n${lines.join('\n')}`;
}

/** /recommend: five movies, 👍/👎 (feedback.handler.ts) and 👁/🕐 (mark.handler.ts) buttons for each. */
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
            Markup.button.callback(`👍 ${i + 1}`, rateMovie.data({ value: 1, movieId: p.movie.id })),
            Markup.button.callback(`👎 ${i + 1}`, rateMovie.data({ value: -1, movieId: p.movie.id })),
            Markup.button.callback(`👁 ${i + 1}`, markMovie.data({ mark: 'seen', movieId: p.movie.id })),
            Markup.button.callback(`🕐 ${i + 1}`, markMovie.data({ mark: 'later', movieId: p.movie.id })),
          ]),
        ),
      );
    }),
  );
  return composer;
}

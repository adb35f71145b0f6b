import type { Context } from 'telegraf';
import { Composer, Markup } from 'telegraf';
import { liveNight, movieLabel, nominate, type Movie } from '../../../core/index.ts';
import type { NightActions } from '../night-actions.ts';
import { nominatePick } from '../night-callbacks.ts';
import { answering } from '../reply-errors.ts';
import { groupOf, identityOf, type TelegramDeps } from '../telegram-context.ts';
import { IN_GROUPS_ONLY, NO_LIVE_NIGHT } from './movienight.handler.ts';

/** Matches offered when a title is ambiguous. */
const CHOICES = 5;

const bare = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The one film the title names: the only match, or the only one whose title (with or without the year) is exactly what was typed. */
export function namedFilm(query: string, matches: readonly Movie[]): Movie | null {
  if (matches.length === 1) return matches[0]!;
  const wanted = bare(query);
  const exact = matches.filter((m) => bare(movieLabel(m)) === wanted || bare(movieLabel({ title: m.title, year: null })) === wanted);
  return exact.length === 1 ? exact[0]! : null;
}

/**
 * /nominate <title> in a group with a movie night planned: the film joins
 * the list (the core says no to one already on it, one someone in has
 * seen, or past the limits). A title that names several films gets them as
 * buttons, and a hint to add the year.
 */
export function nominateHandler({ deps, logger }: TelegramDeps, nights: NightActions): Composer<Context> {
  const add = async (ctx: Context, nightId: number, movieId: number) => {
    await nominate(deps, { nightId, identity: identityOf(ctx), movieId });
    nights.board.touch(nightId);
    return `📌 ${identityOf(ctx).username ?? 'someone'} nominated ${movieLabel(deps.catalog.get(movieId)!)}.`;
  };

  const composer = new Composer<Context>();
  composer.command('nominate', (ctx) =>
    answering(ctx, logger, async () => {
      const group = groupOf(ctx);
      if (!group) return void (await ctx.reply(IN_GROUPS_ONLY));
      const query = ctx.payload.trim().slice(0, 200);
      if (!query) return void (await ctx.reply('Send /nominate and a title, for example: /nominate heat 1995'));
      const state = await liveNight(deps, group, String(ctx.chat!.id));
      if (!state) return void (await ctx.reply(NO_LIVE_NIGHT));
      const matches = deps.catalog.search(query, { limit: CHOICES });
      if (matches.length === 0) return void (await ctx.reply('No movie matches that title. Try fewer words or another spelling.'));
      const film = namedFilm(query, matches);
      if (film) return void (await ctx.reply(await add(ctx, state.night.id, film.id)));
      await ctx.reply(
        'Which one? (Or send the full title with its year.)',
        Markup.inlineKeyboard(matches.map((m) => [Markup.button.callback(movieLabel(m, 60), nominatePick.data({ nightId: state.night.id, movieId: m.id }))])),
      );
    }),
  );
  composer.action(nominatePick.pattern, (ctx) =>
    answering(ctx, logger, async () => {
      const { nightId, movieId } = nominatePick.parse(ctx.match[0])!;
      const text = await add(ctx, nightId, movieId);
      await ctx.answerCbQuery('Nominated');
      await ctx.editMessageText(text);
    }),
  );
  return composer;
}

import type { Context } from 'telegraf';
import { Composer, Markup } from 'telegraf';
import { addFavorite, movieLabel } from '../../../core/index.ts';
import { callbackScheme } from '../callback-data.ts';
import { answering } from '../reply-errors.ts';
import { identityOf, type TelegramDeps } from '../telegram-context.ts';

/** A tap on one of /fav's matches: "f:<movieId>". */
export const pickFavorite = callbackScheme(
  /^f:(\d{1,9})$/,
  ({ movieId }: { movieId: number }) => `f:${movieId}`,
  (match) => ({ movieId: Number(match[1]) }),
);

/** /fav <title>: matches as an inline keyboard; a tap saves the favourite. */
export function favHandler({ deps, logger }: TelegramDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('fav', (ctx) =>
    answering(ctx, logger, async () => {
      const query = ctx.payload.trim().slice(0, 200);
      if (!query) return void (await ctx.reply('Send /fav and a title, for example: /fav the matrix'));
      const matches = deps.catalog.search(query, { limit: 8 });
      if (matches.length === 0) return void (await ctx.reply('No movie matches that title. Try fewer words or another spelling.'));
      await ctx.reply(
        'Which one?',
        Markup.inlineKeyboard(matches.map((m) => [Markup.button.callback(movieLabel(m, 60), pickFavorite.data({ movieId: m.id }))])),
      );
    }),
  );
  composer.action(pickFavorite.pattern, (ctx) =>
    answering(ctx, logger, async () => {
      const { movieId } = pickFavorite.parse(ctx.match[0])!;
      const { movie, added } = await addFavorite(deps, identityOf(ctx), movieId);
      await ctx.answerCbQuery(added ? 'Saved' : 'Already a favourite');
      await ctx.editMessageText(`⭐ ${movieLabel(movie)} is ${added ? 'now' : 'already'} a favourite.`);
    }),
  );
  return composer;
}

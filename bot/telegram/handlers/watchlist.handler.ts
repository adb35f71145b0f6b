import type { Context } from 'telegraf';
import { Composer } from 'telegraf';
import { movieLabel, watchlist } from '../../../core/index.ts';
import { answering } from '../reply-errors.ts';
import { identityOf, type TelegramDeps } from '../telegram-context.ts';

/** Films listed at once; the rest are counted. */
const SHOWN = 20;

/** /watchlist: the films the person put aside with 🕐, best first for them. */
export function watchlistHandler({ deps, logger }: TelegramDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('watchlist', (ctx) =>
    answering(ctx, logger, async () => {
      const movies = await watchlist(deps, identityOf(ctx));
      if (movies.length === 0) return void (await ctx.reply('Your watchlist is empty: tap 🕐 under a film in /recommend to keep it for later.'));
      const lines = movies.slice(0, SHOWN).map((m, n) => `${n + 1}. ${movieLabel(m)}`);
      if (movies.length > SHOWN) lines.push(`… and ${movies.length - SHOWN} more.`);
      await ctx.reply(['Your watchlist, best first for you:', ...lines].join('\n').slice(0, 4096));
    }),
  );
  return composer;
}

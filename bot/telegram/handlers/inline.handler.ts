import type { Context } from 'telegraf';
import { Composer } from 'telegraf';
import type { InlineQueryResultArticle } from 'telegraf/types';
import { movieLabel, recommend, type Movie } from '../../../core/index.ts';
import { cardKeyboard, cardText } from '../movie-card.ts';
import { answering } from '../reply-errors.ts';
import { identityOf, type TelegramDeps } from '../telegram-context.ts';

/** Telegram allows 50 results an answer; pages of 20 keep answers light. */
const PAGE = 20;
/** The search index pages no further than this; Telegram's next_offset must stay ≤ 64 bytes. */
const MAX_OFFSET = 1000;

function card(movie: Movie, why?: Movie | null): InlineQueryResultArticle {
  const label = movieLabel(movie);
  const genres = movie.genres.join(', ');
  const because = why ? `because you liked ${movieLabel(why)}` : '';
  return {
    type: 'article',
    id: `m${movie.id}`,
    title: label,
    description: [genres, because].filter(Boolean).join(' · ').slice(0, 200),
    input_message_content: { message_text: cardText(movie) },
    reply_markup: cardKeyboard(movie).reply_markup,
  };
}

/** `@bot title` searches the catalog page by page; `@bot` alone answers the user's own recommendations. */
export function inlineHandler({ deps, logger }: TelegramDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('inline_query', (ctx) =>
    answering(ctx, logger, async () => {
      const query = ctx.inlineQuery.query.trim().slice(0, 200);
      if (query === '') {
        const picks = await recommend(deps, identityOf(ctx), { k: PAGE });
        // Personal: without is_personal Telegram may show one user's list to another.
        await ctx.answerInlineQuery(
          picks.map((p) => card(p.movie, p.because)),
          { is_personal: true, cache_time: 10 },
        );
        return;
      }
      // The offset is ours, but a client can send anything: a whole number from 0 to MAX_OFFSET, or the top.
      const asked = Number(ctx.inlineQuery.offset);
      const offset = Number.isSafeInteger(asked) && asked > 0 ? Math.min(asked, MAX_OFFSET) : 0;
      const movies = deps.catalog.search(query, { limit: PAGE, offset });
      const next = movies.length === PAGE && offset + PAGE < MAX_OFFSET ? String(offset + PAGE) : '';
      await ctx.answerInlineQuery(
        movies.map((m) => card(m)),
        { next_offset: next, cache_time: 300 },
      );
    }),
  );
  return composer;
}

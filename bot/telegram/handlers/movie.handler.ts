import type { Context } from 'telegraf';
import { Composer } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { cardKeyboard, cardText, type CardRegistry } from '../movie-card.ts';
import { answering } from '../reply-errors.ts';
import type { TelegramDeps } from '../telegram-context.ts';
import { rateMovie } from './feedback.handler.ts';

/**
 * /movie <title> posts a card for the chat to rate; cards sent through
 * inline mode (`via_bot`) are remembered too, so reactions on either count.
 */
export function movieHandler({ deps, logger }: TelegramDeps, cards: CardRegistry): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('movie', (ctx) =>
    answering(ctx, logger, async () => {
      const query = ctx.payload.trim().slice(0, 200);
      const [movie] = query ? deps.catalog.search(query, { limit: 1 }) : [];
      if (!movie) return void (await ctx.reply(query ? 'No movie matches that title.' : 'Send /movie and a title, for example: /movie heat'));
      const sent = await ctx.reply(cardText(movie), cardKeyboard(movie));
      cards.remember(sent.chat.id, sent.message_id, movie.id);
    }),
  );
  composer.on('message', async (ctx, next) => {
    const message = ctx.message as typeof ctx.message & { via_bot?: { id: number }; reply_markup?: InlineKeyboardMarkup };
    if (message.via_bot?.id === ctx.botInfo.id) {
      const button = message.reply_markup?.inline_keyboard.flat()[0];
      const rating = button && 'callback_data' in button ? rateMovie.parse(button.callback_data) : null;
      if (rating) cards.remember(message.chat.id, message.message_id, rating.movieId);
    }
    return next();
  });
  return composer;
}

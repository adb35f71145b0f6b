import { Markup } from 'telegraf';
import { LruCache, movieLabel, type Movie } from '../../core/index.ts';
import { rateMovie } from './handlers/feedback.handler.ts';
import { markMovie } from './handlers/mark.handler.ts';

/** A movie card's text: the title and genres, nothing a chat could misparse (sent without parse mode). */
export function cardText(movie: Movie): string {
  const genres = movie.genres.filter((g) => g !== '(no genres listed)').join(', ');
  return `🎬 ${movieLabel(movie)}${genres ? `\n${genres}` : ''}\nRate it with the buttons or react 👍 / 👎`;
}

export const cardKeyboard = (movie: Movie) =>
  Markup.inlineKeyboard([
    Markup.button.callback('👍', rateMovie.data({ value: 1, movieId: movie.id })),
    Markup.button.callback('👎', rateMovie.data({ value: -1, movieId: movie.id })),
    Markup.button.callback('👁 Seen', markMovie.data({ mark: 'seen', movieId: movie.id })),
    Markup.button.callback('🕐 Later', markMovie.data({ mark: 'later', movieId: movie.id })),
  ]);

/**
 * Which movie each card in a chat is about, so a message_reaction (which
 * carries only chat and message ids) can be traced to its movie. Bounded:
 * a card outside the last 100,000 used is no longer rated by reactions
 * (its buttons still work: they carry the id).
 */
export class CardRegistry {
  private readonly cards = new LruCache<string, number>(100_000, Infinity);

  remember(chatId: number, messageId: number, movieId: number): void {
    this.cards.set(`${chatId}:${messageId}`, movieId);
  }

  movieOf(chatId: number, messageId: number): number | undefined {
    return this.cards.get(`${chatId}:${messageId}`);
  }
}

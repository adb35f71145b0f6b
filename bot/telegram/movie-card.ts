import { Markup } from 'telegraf';
import { movieLabel, type Movie } from '../../core/index.ts';
import { ratingId } from '../shared/rating-id.ts';

/** A movie card's text: the title and genres, nothing a chat could misparse (sent without parse mode). */
export function cardText(movie: Movie): string {
  const genres = movie.genres.filter((g) => g !== '(no genres listed)').join(', ');
  return `🎬 ${movieLabel(movie)}${genres ? `\n${genres}` : ''}\nRate it with the buttons or react 👍 / 👎`;
}

export const cardKeyboard = (movie: Movie) =>
  Markup.inlineKeyboard([Markup.button.callback('👍', ratingId(1, movie.id)), Markup.button.callback('👎', ratingId(-1, movie.id))]);

/**
 * Which movie each card in a chat is about, so a message_reaction (which
 * carries only chat and message ids) can be traced to its movie. Bounded;
 * a card older than the last MAX_CARDS is no longer rated by reactions
 * (its buttons still work: they carry the id).
 */
export class CardRegistry {
  private static readonly MAX_CARDS = 100_000;
  private readonly cards = new Map<string, number>();

  remember(chatId: number, messageId: number, movieId: number): void {
    this.cards.set(`${chatId}:${messageId}`, movieId);
    if (this.cards.size > CardRegistry.MAX_CARDS) this.cards.delete(this.cards.keys().next().value!);
  }

  movieOf(chatId: number, messageId: number): number | undefined {
    return this.cards.get(`${chatId}:${messageId}`);
  }
}

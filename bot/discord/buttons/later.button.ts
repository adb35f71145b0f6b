import { markId, parseMarkId } from '../../shared/mark-id.ts';
import type { ButtonHandler } from '../interaction.ts';
import { markClick } from './mark-click.ts';

/** "🕐 Later" on lists and movie cards (id "lt:<movie>"): onto the person's watchlist. */
export const laterButton: ButtonHandler<{ movieId: number }> = {
  prefix: 'lt:',
  id: ({ movieId }) => markId('later', movieId),
  parse(customId) {
    const parsed = parseMarkId(customId);
    return parsed?.mark === 'later' ? { movieId: parsed.movieId } : null;
  },
  run: (i, d, { movieId }) => markClick(i, d, 'later', movieId),
};

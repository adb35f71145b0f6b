import { markId, parseMarkId } from '../../shared/mark-id.ts';
import type { ButtonHandler } from '../interaction.ts';
import { markClick } from './mark-click.ts';

/** "👁 Seen it" on lists and movie cards (id "sn:<movie>"): never recommended again. */
export const seenButton: ButtonHandler<{ movieId: number }> = {
  prefix: 'sn:',
  id: ({ movieId }) => markId('seen', movieId),
  parse(customId) {
    const parsed = parseMarkId(customId);
    return parsed?.mark === 'seen' ? { movieId: parsed.movieId } : null;
  },
  run: (i, d, { movieId }) => markClick(i, d, 'seen', movieId),
};

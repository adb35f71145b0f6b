import { markSeen, movieLabel } from '../../../core/index.ts';
import type { ConsoleCommand } from '../chat-context.ts';
import { shownMovie } from '../shown-movie.ts';

/** seen N: the N-th movie of the last list is seen, and never recommended again. */
export const seenCommand: ConsoleCommand = {
  names: ['seen'],
  usage: 'seen N',
  help: 'mark the N-th movie of the last list as seen: never recommended again',
  async run(ctx, args) {
    const movie = shownMovie(ctx, args, 'seen 2');
    if (typeof movie === 'string') return [movie];
    const { marked } = await markSeen(ctx.deps, ctx.identity, movie.id, 'command');
    return [marked ? `👁 ${movieLabel(movie)} — seen; it won't be recommended again.` : `${movieLabel(movie)} is already marked as seen.`];
  },
};

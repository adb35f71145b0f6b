import { addToWatchlist, movieLabel } from '../../../core/index.ts';
import type { ConsoleCommand } from '../chat-context.ts';
import { shownMovie } from '../shown-movie.ts';

/** later N: puts the N-th movie of the last list on the watchlist. */
export const laterCommand: ConsoleCommand = {
  names: ['later'],
  usage: 'later N',
  help: 'put the N-th movie of the last list on your watchlist',
  async run(ctx, args) {
    const movie = shownMovie(ctx, args, 'later 2');
    if (typeof movie === 'string') return [movie];
    const { added } = await addToWatchlist(ctx.deps, ctx.identity, movie.id);
    return [added ? `🕐 ${movieLabel(movie)} — on your watchlist (see it with: watchlist).` : `${movieLabel(movie)} is already on your watchlist.`];
  },
};

import { movieLabel, removeFromWatchlist } from '../../../core/index.ts';
import type { ConsoleCommand } from '../chat-context.ts';
import { shownMovie } from '../shown-movie.ts';

/** unlater N: takes the N-th movie of the last list off the watchlist. */
export const unlaterCommand: ConsoleCommand = {
  names: ['unlater'],
  usage: 'unlater N',
  help: 'take the N-th movie of the last list off your watchlist',
  async run(ctx, args) {
    const movie = shownMovie(ctx, args, 'unlater 2');
    if (typeof movie === 'string') return [movie];
    await removeFromWatchlist(ctx.deps, ctx.identity, movie.id);
    return [`${movieLabel(movie)} is off your watchlist.`];
  },
};

import { listFavorites, movieLabel, removeFavorite } from '../../../core/index.ts';
import type { ConsoleCommand } from '../chat-context.ts';

export const unfavCommand: ConsoleCommand = {
  names: ['unfav'],
  usage: 'unfav <number>',
  help: 'remove a favourite (its number in `favs`)',
  async run(ctx, args) {
    const favorites = await listFavorites(ctx.deps, ctx.identity);
    const movie = favorites[Number(args) - 1];
    if (!movie) return [favorites.length ? `Give a number from 1 to ${favorites.length} (see favs).` : 'You have no favourites.'];
    await removeFavorite(ctx.deps, ctx.identity, movie.id);
    return [`Removed ${movieLabel(movie)}.`];
  },
};

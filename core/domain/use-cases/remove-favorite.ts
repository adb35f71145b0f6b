import { UserError } from '../errors.ts';
import type { Movie } from '../model.ts';
import type { PlatformIdentity } from '../ports/account.store.ts';
import type { TasteDeps } from './deps.ts';
import { findMovie } from './find-movie.ts';

export async function removeFavorite(deps: TasteDeps, identity: PlatformIdentity, movieId: number): Promise<Movie> {
  const movie = findMovie(deps.catalog, movieId);
  const userId = await deps.accounts.findUser(identity.platform, identity.platformUserId);
  if (userId === null || !(await deps.favorites.remove(userId, movie.id))) {
    throw new UserError('NOT_A_FAVORITE', `${movie.title} is not one of your favourites.`, { title: movie.title });
  }
  await deps.recommendations?.invalidate(userId);
  deps.changes?.announce({ type: 'favorite-removed', userId, movieId: movie.id });
  return movie;
}

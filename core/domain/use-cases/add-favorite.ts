import type { Movie } from '../model.ts';
import type { PlatformIdentity } from '../ports/account.store.ts';
import type { TasteDeps } from './deps.ts';
import { findMovie } from './find-movie.ts';

/** Saves a favourite; `added` is false when it already was one (not an error: the same click twice). */
export async function addFavorite(
  deps: TasteDeps,
  identity: PlatformIdentity,
  movieId: number,
): Promise<{ movie: Movie; added: boolean }> {
  const movie = findMovie(deps.catalog, movieId);
  const userId = await deps.accounts.resolveUser(identity);
  const added = await deps.favorites.add(userId, movie.id);
  await deps.recommendations?.invalidate(userId);
  return { movie, added };
}

import type { Movie } from '../model.ts';
import type { PlatformIdentity } from '../ports/account.store.ts';
import type { TasteDeps } from './deps.ts';
import { findMovie } from './find-movie.ts';

/** Saves a favourite; `added` is false when it already was one (not an error: the same click twice, and nothing follows). */
export async function addFavorite(deps: TasteDeps, identity: PlatformIdentity, movieId: number): Promise<{ movie: Movie; added: boolean }> {
  const movie = findMovie(deps.catalog, movieId);
  const userId = await deps.accounts.resolveUser(identity);
  const added = await deps.favorites.add(userId, movie.id);
  if (!added) return { movie, added };
  await deps.recommendations?.invalidate(userId);
  deps.changes?.announce({ type: 'favorite-added', userId, movieId: movie.id });
  return { movie, added };
}

import { UserError } from '../errors.ts';
import type { Movie } from '../model.ts';
import type { PlatformIdentity } from '../ports/account.store.ts';
import type { RecommendDeps, TasteDeps } from './deps.ts';
import { findMovie } from './find-movie.ts';
import { tasteOf } from './taste.ts';

/** How deep the person's own ranking is read to order their watchlist; films below it keep the order they were added in. */
export const WATCHLIST_DEPTH = 1_000;

/**
 * "🕐 Later": puts the film on the person's watchlist, and out of their own
 * recommendations (a group's list may still offer it). `added` is false
 * when it already was there. A film already seen may be added: a rewatch.
 */
export async function addToWatchlist(deps: TasteDeps, identity: PlatformIdentity, movieId: number): Promise<{ movie: Movie; added: boolean }> {
  const movie = findMovie(deps.catalog, movieId);
  const userId = await deps.accounts.resolveUser(identity);
  const added = await deps.watchlist.add(userId, movie.id);
  if (!added) return { movie, added };
  await deps.recommendations?.invalidate(userId);
  deps.changes?.announce({ type: 'watchlist-changed', userId, movieId: movie.id, listed: true });
  return { movie, added };
}

/** Takes a film off the watchlist; NOT_ON_WATCHLIST when it was not on it. */
export async function removeFromWatchlist(deps: TasteDeps, identity: PlatformIdentity, movieId: number): Promise<Movie> {
  const movie = findMovie(deps.catalog, movieId);
  const userId = await deps.accounts.findUser(identity.platform, identity.platformUserId);
  if (userId === null || !(await deps.watchlist.remove(userId, movie.id))) {
    throw new UserError('NOT_ON_WATCHLIST', `${movie.title} is not on your watchlist.`, { title: movie.title });
  }
  await deps.recommendations?.invalidate(userId);
  deps.changes?.announce({ type: 'watchlist-changed', userId, movieId: movie.id, listed: false });
  return movie;
}

/**
 * The person's watchlist, best first for them: in the order the model
 * ranks those films for their taste, then (seen ones, ones past its
 * ranking, or every film while no model is served) the most recently
 * added first.
 */
export async function watchlist(deps: RecommendDeps, identity: PlatformIdentity): Promise<Movie[]> {
  const userId = await deps.accounts.findUser(identity.platform, identity.platformUserId);
  if (userId === null) return [];
  const ids = (await deps.watchlist.list(userId)).filter((id) => deps.catalog.get(id) !== undefined);
  const model = deps.model();
  if (model && ids.length > 1) {
    const rank = new Map(model.recommend(await tasteOf(deps, userId), WATCHLIST_DEPTH).map((r, i) => [r.movieId, i]));
    // A stable sort: films the ranking does not reach keep the list's order, after the ranked ones.
    ids.sort((a, b) => (rank.get(a) ?? WATCHLIST_DEPTH) - (rank.get(b) ?? WATCHLIST_DEPTH));
  }
  return ids.map((id) => deps.catalog.get(id)!);
}

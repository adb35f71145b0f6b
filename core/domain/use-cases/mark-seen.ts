import { UserError } from '../errors.ts';
import type { Movie, SeenSource } from '../model.ts';
import type { PlatformIdentity } from '../ports/account.store.ts';
import type { TasteDeps } from './deps.ts';
import { findMovie } from './find-movie.ts';

/**
 * "👁 Seen it": the film is never recommended to the person again, nor put
 * on a movie night they are in, and leaves their watchlist (watched: no
 * longer "later"). Seen is no like: the model is not told they liked it.
 * `marked` is false when it already was seen (the same click twice). A
 * change drops the person's ready list and is announced (`seen-changed`:
 * the list and their servers' results are remade).
 */
export async function markSeen(
  deps: TasteDeps,
  identity: PlatformIdentity,
  movieId: number,
  source: SeenSource = 'button',
): Promise<{ movie: Movie; marked: boolean }> {
  const movie = findMovie(deps.catalog, movieId);
  const userId = await deps.accounts.resolveUser(identity);
  const marked = await deps.seen.mark(userId, movie.id, source);
  const unlisted = await deps.watchlist.remove(userId, movie.id);
  if (!marked && !unlisted) return { movie, marked };
  await deps.recommendations?.invalidate(userId);
  if (marked) deps.changes?.announce({ type: 'seen-changed', userId, movieId: movie.id, seen: true });
  else deps.changes?.announce({ type: 'watchlist-changed', userId, movieId: movie.id, listed: false });
  return { movie, marked };
}

/** Takes a seen mark back (clicked by mistake): the film may be recommended again. NOT_SEEN when it was not marked. */
export async function unmarkSeen(deps: TasteDeps, identity: PlatformIdentity, movieId: number): Promise<Movie> {
  const movie = findMovie(deps.catalog, movieId);
  const userId = await deps.accounts.findUser(identity.platform, identity.platformUserId);
  if (userId === null || !(await deps.seen.unmark(userId, movie.id))) {
    throw new UserError('NOT_SEEN', `${movie.title} is not marked as seen.`, { title: movie.title });
  }
  await deps.recommendations?.invalidate(userId);
  deps.changes?.announce({ type: 'seen-changed', userId, movieId: movie.id, seen: false });
  return movie;
}

import { UserError } from '../errors.ts';
import type { Movie } from '../model.ts';
import type { PlatformIdentity } from '../ports/account.store.ts';
import type { RecommendDeps } from './deps.ts';

export interface RecommendedMovie {
  movie: Movie;
  /** The favourite or 👍 this pick most follows from. */
  because: Movie | null;
}

/**
 * Recommendations for one person from their favourites and 👍 (likes) and
 * 👎 (dislikes), never repeating those or the movies in `seen`.
 */
export async function recommend(
  deps: RecommendDeps,
  identity: PlatformIdentity,
  opts: { k: number; seen?: readonly number[]; popular?: readonly number[] },
): Promise<RecommendedMovie[]> {
  const model = deps.model();
  if (!model) throw new UserError('NO_MODEL_YET', 'Recommendations are still being prepared; try again in a minute.');
  const userId = await deps.accounts.findUser(identity.platform, identity.platformUserId);
  const favorites = userId === null ? [] : await deps.favorites.list(userId);
  const feedback = userId === null ? new Map<number, 1 | -1>() : await deps.feedback.current(userId);
  const likes = [...new Set([...favorites, ...[...feedback].filter(([, v]) => v === 1).map(([id]) => id)])];
  const dislikes = [...feedback].filter(([, v]) => v === -1).map(([id]) => id);
  const picks = model.recommend({ likes, dislikes, seen: opts.seen ?? [] }, opts.k, { popular: opts.popular ?? [] });
  return picks.flatMap((p) => {
    const movie = deps.catalog.get(p.movieId);
    if (!movie) return [];
    return [{ movie, because: p.because === null ? null : (deps.catalog.get(p.because) ?? null) }];
  });
}

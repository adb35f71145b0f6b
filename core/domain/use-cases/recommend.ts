import type { PlatformIdentity } from '../ports/account.store.ts';
import type { RecommendDeps } from './deps.ts';
import { currentModel, tasteOf, toMovies, type RecommendedMovie } from './taste.ts';

export type { RecommendedMovie };

/**
 * Recommendations for one person from their favourites and 👍 (likes) and
 * 👎 (dislikes), never repeating those or the movies in `seen`.
 */
export async function recommend(
  deps: RecommendDeps,
  identity: PlatformIdentity,
  opts: { k: number; seen?: readonly number[]; popular?: readonly number[] },
): Promise<RecommendedMovie[]> {
  const model = currentModel(deps);
  const userId = await deps.accounts.findUser(identity.platform, identity.platformUserId);
  const taste = await tasteOf(deps, userId);
  const picks = model.recommend({ ...taste, seen: opts.seen ?? [] }, opts.k, { popular: opts.popular ?? [] });
  return toMovies(deps.catalog, picks);
}

import type { PlatformIdentity } from '../ports/account.store.ts';
import type { RecommendSource } from '../ports/use-case-observer.ts';
import type { Recommendation, RecommendMode } from '../recommender/types.ts';
import type { RecommendDeps } from './deps.ts';
import { currentModel, personalTasteOf, personalTastesOf, toMovies, withLeftOut, type RecommendedMovie } from './taste.ts';

export type { RecommendedMovie };

/** How long a ready list is: enough for the first answer and a few pages of "more". */
export const READY_LIST = 50;

export interface RecommendRequest {
  k: number;
  seen?: readonly number[];
  popular?: readonly number[];
  /** `discover` favours films outside the most liked (default: the person's best picks). */
  mode?: RecommendMode;
}

/**
 * Recommendations for one person from their favourites and 👍 (likes) and
 * 👎 (dislikes), never repeating those, the films they have seen or put on
 * their watchlist, or the movies in `opts.seen` (shown already). A plain
 * request (default mode) is answered from the ready list when there is one,
 * and makes it when there is not; a discover list is folded in each time.
 */
export async function recommend(deps: RecommendDeps, identity: PlatformIdentity, opts: RecommendRequest): Promise<RecommendedMovie[]> {
  const started = performance.now();
  const { picks, source } = await answer(deps, identity, opts);
  deps.observer?.recommended((performance.now() - started) / 1000, source);
  return picks;
}

async function answer(
  deps: RecommendDeps,
  identity: PlatformIdentity,
  opts: RecommendRequest,
): Promise<{ picks: RecommendedMovie[]; source: RecommendSource }> {
  const model = currentModel(deps);
  const userId = await deps.accounts.findUser(identity.platform, identity.platformUserId);
  const mode = opts.mode ?? 'default';
  const plain = !opts.seen?.length && !opts.popular?.length && opts.k <= READY_LIST && mode === 'default';
  if (plain && userId !== null && deps.recommendations) {
    const ready = await deps.recommendations.get(userId, model);
    if (ready) return { picks: toMovies(deps.catalog, ready.slice(0, opts.k)), source: 'ready' };
    return { picks: toMovies(deps.catalog, (await refreshRecommendations(deps, userId)).slice(0, opts.k)), source: 'fold-in' };
  }
  const taste = withLeftOut(await personalTasteOf(deps, userId), opts.seen ?? []);
  const picks = model.recommend(taste, opts.k, { popular: opts.popular ?? [], mode });
  return { picks: toMovies(deps.catalog, picks), source: 'fold-in' };
}

/** Folds the person in and stores their ready list (the work a recompute job does after a taste change). */
export async function refreshRecommendations(deps: RecommendDeps, userId: number): Promise<Recommendation[]> {
  const model = currentModel(deps);
  const token = await deps.recommendations?.token(userId);
  const picks = model.recommend(await personalTasteOf(deps, userId), READY_LIST);
  if (deps.recommendations && token !== undefined) await deps.recommendations.set(userId, model, picks, token);
  return picks;
}

/**
 * {@link refreshRecommendations} for several people at once (the recompute
 * worker's micro-batches): one token read, one read of each store, the
 * fold-ins together, one write of all the lists; each list the same as a
 * single refresh would store, and each refused on its own if a taste change
 * overtook it.
 */
export async function refreshRecommendationsMany(deps: RecommendDeps, userIds: readonly number[]): Promise<Recommendation[][]> {
  const model = currentModel(deps);
  const tokens = await deps.recommendations?.tokens(userIds);
  const tastes = await personalTastesOf(deps, userIds);
  const picks = model.recommendMany ? model.recommendMany(tastes, READY_LIST) : tastes.map((t) => model.recommend(t, READY_LIST));
  if (deps.recommendations && tokens) {
    await deps.recommendations.setMany(
      model,
      userIds.map((userId, i) => ({ userId, picks: picks[i]!, token: tokens[i]! })),
    );
  }
  return picks;
}

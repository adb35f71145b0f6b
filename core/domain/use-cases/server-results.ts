import type { MovieCatalog } from '../catalog.ts';
import type { CommunityStore, TasteSignal } from '../ports/community.store.ts';
import type { SeenStore } from '../ports/seen.store.ts';
import type { ReadyGroupPick, ReadyTally, ReadyTrends, ServerResultCache } from '../ports/server-result.cache.ts';
import type { Recommender } from '../recommender/types.ts';
import { tasteTrends, type MovieTally, type TasteTrends } from '../trends/taste-trends.ts';

/** How long a ready group pick is: more than any bot page or the web page shows. */
export const READY_PICK = 25;

/** What a community's results are made from. */
export interface ServerResultDeps {
  communities: CommunityStore;
  /** Members' seen films: the group pick never offers them. */
  seen: SeenStore;
  catalog: MovieCatalog;
  model: () => Recommender | null;
  /** Ready results per community; without one every server answer is computed on the spot. */
  serverResults?: ServerResultCache;
}

/**
 * Remakes one community's taste trends and, with a model (by default the
 * served one), its group pick from the stores, and keeps them ready: the
 * work a recompute-server job does, and what a miss does on the spot.
 * Idempotent: the same stores give the same result, and one a taste change
 * overtook is not stored.
 */
export async function refreshServerResults(
  deps: ServerResultDeps,
  communityId: number,
  model: Recommender | null = deps.model(),
): Promise<{ pick: ReadyGroupPick | null; trends: ReadyTrends }> {
  const token = await deps.serverResults?.token(communityId);
  // One read of every member's taste, straight from the store: a worker's per-person caches never see the bot's writes.
  const [memberIds, signals] = await Promise.all([deps.communities.memberIds(communityId), deps.communities.tasteSignals(communityId)]);
  const trends = toReadyTrends(tasteTrends(signals, deps.catalog));
  const pick = model ? groupPick(model, memberIds, signals, await deps.seen.listMany(memberIds), READY_PICK) : null;
  if (deps.serverResults && token !== undefined) await deps.serverResults.set(communityId, { trends, pick: pick && model && { model, value: pick } }, token);
  return { pick, trends };
}

/** The group pick of any length, computed now and not kept. */
export async function groupPickNow(deps: ServerResultDeps, communityId: number, model: Recommender, k: number): Promise<ReadyGroupPick> {
  const [memberIds, signals] = await Promise.all([deps.communities.memberIds(communityId), deps.communities.tasteSignals(communityId)]);
  return groupPick(model, memberIds, signals, await deps.seen.listMany(memberIds), k);
}

/** The community's trends: ready, or made (and kept) now; without a cache, computed now. */
export async function communityTrends(deps: ServerResultDeps, communityId: number): Promise<TasteTrends> {
  if (!deps.serverResults) return tasteTrends(await deps.communities.tasteSignals(communityId), deps.catalog);
  // A miss remakes the trends only (no model): the pick, seconds for a large server, is the job's.
  const ready = (await deps.serverResults.getTrends(communityId)) ?? (await refreshServerResults(deps, communityId, null)).trends;
  return fromReadyTrends(ready, deps.catalog);
}

/**
 * Members' tastes as the model reads them (favourites and 👍 are likes, 👎
 * dislikes, seen films never offered), in join order. A member with no
 * likes or 👎 is not part of the pick, nor are their seen films.
 */
function groupPick(
  model: Recommender,
  memberIds: readonly number[],
  signals: readonly TasteSignal[],
  seen: ReadonlyMap<number, readonly number[]>,
  k: number,
): ReadyGroupPick {
  const tastes = new Map<number, { likes: Set<number>; dislikes: Set<number> }>();
  for (const s of signals) {
    const taste = tastes.get(s.userId) ?? { likes: new Set(), dislikes: new Set() };
    (s.value === 1 ? taste.likes : taste.dislikes).add(s.movieId);
    tastes.set(s.userId, taste);
  }
  const withTaste = memberIds.filter((id) => tastes.has(id));
  // Sorted ids: the store returns rows in no set order, and the same taste must give the same pick.
  const sorted = (ids: Set<number>) => [...ids].sort((a, b) => a - b);
  const profiles = withTaste.map((id) => ({
    likes: sorted(tastes.get(id)!.likes),
    dislikes: sorted(tastes.get(id)!.dislikes),
    seen: sorted(new Set(seen.get(id) ?? [])),
  }));
  const picks = profiles.length > 0 ? model.recommendGroup(profiles, k) : model.recommend({ likes: [] }, k);
  return { picks, memberIds: withTaste, memberCount: memberIds.length };
}

function toReadyTrends(trends: TasteTrends): ReadyTrends {
  const ids = (list: MovieTally[]): ReadyTally[] => list.map((t) => ({ movieId: t.movie.id, likes: t.likes, dislikes: t.dislikes }));
  return { ...trends, mostLiked: ids(trends.mostLiked), mostDivisive: ids(trends.mostDivisive), hiddenGems: ids(trends.hiddenGems) };
}

function fromReadyTrends(trends: ReadyTrends, catalog: MovieCatalog): TasteTrends {
  const movies = (list: ReadyTally[]): MovieTally[] =>
    list.flatMap(({ movieId, likes, dislikes }) => {
      const movie = catalog.get(movieId);
      return movie ? [{ movie, likes, dislikes }] : [];
    });
  return { ...trends, mostLiked: movies(trends.mostLiked), mostDivisive: movies(trends.mostDivisive), hiddenGems: movies(trends.hiddenGems) };
}

import type { ReadyGroupPick, ReadyTrends, ServerResult, ServerResultCache } from '../../domain/ports/server-result.cache.ts';
import type { Recommender } from '../../domain/recommender/types.ts';
import { LruCache } from '../../domain/lru-cache.ts';

interface Entry {
  trends: ReadyTrends | null;
  /** `until`: a pick kept across {@link MemoryServerResultCache.markStale} still expires when it would have. */
  pick: { model: Recommender; value: ReadyGroupPick; until: number } | null;
}

/** The in-process cache (no Redis): bounded, with a TTL, a pick keyed by the model object so a swap is a miss. */
export class MemoryServerResultCache implements ServerResultCache {
  private readonly entries: LruCache<number, Entry>;

  constructor(
    maxCommunities = 10_000,
    private readonly ttlMs = 10 * 60_000,
  ) {
    this.entries = new LruCache(maxCommunities, ttlMs);
  }

  async getPick(communityId: number, model: Recommender): Promise<ReadyGroupPick | null> {
    const pick = this.entries.get(communityId)?.pick;
    return pick && pick.model === model && pick.until > Date.now() ? pick.value : null;
  }

  async getTrends(communityId: number): Promise<ReadyTrends | null> {
    return this.entries.get(communityId)?.trends ?? null;
  }

  async token(communityId: number): Promise<number> {
    return this.entries.generation(communityId);
  }

  async set(communityId: number, result: ServerResult, token: number): Promise<void> {
    // Trends made while no model was served keep the pick already there (nothing changed since: same token).
    const pick = result.pick ? { ...result.pick, until: Date.now() + this.ttlMs } : (this.entries.get(communityId)?.pick ?? null);
    this.entries.setIfCurrent(communityId, { trends: result.trends, pick }, token);
  }

  async markStale(communityId: number): Promise<void> {
    const pick = this.entries.get(communityId)?.pick ?? null;
    this.entries.invalidate(communityId);
    if (pick) this.entries.set(communityId, { trends: null, pick });
  }

  async invalidate(communityId: number): Promise<void> {
    this.entries.invalidate(communityId);
  }
}

import type { ReadyListWrite, RecommendationCache } from '../../domain/ports/recommendation.cache.ts';
import type { Recommendation, Recommender } from '../../domain/recommender/types.ts';
import { LruCache } from '../../domain/lru-cache.ts';

/** The in-process cache (no Redis): bounded, with a TTL, keyed by the model object so a swap is a miss. */
export class MemoryRecommendationCache implements RecommendationCache {
  private readonly lists: LruCache<number, { model: Recommender; picks: Recommendation[] }>;

  constructor(maxUsers = 50_000, ttlMs = 10 * 60_000) {
    this.lists = new LruCache(maxUsers, ttlMs);
  }

  async get(userId: number, model: Recommender): Promise<Recommendation[] | null> {
    const entry = this.lists.get(userId);
    return entry && entry.model === model ? entry.picks : null;
  }

  async token(userId: number): Promise<number> {
    return this.lists.generation(userId);
  }

  async set(userId: number, model: Recommender, picks: Recommendation[], token: number): Promise<void> {
    this.lists.setIfCurrent(userId, { model, picks }, token);
  }

  async tokens(userIds: readonly number[]): Promise<number[]> {
    return userIds.map((id) => this.lists.generation(id));
  }

  async setMany(model: Recommender, lists: readonly ReadyListWrite[]): Promise<void> {
    for (const { userId, picks, token } of lists) this.lists.setIfCurrent(userId, { model, picks }, token);
  }

  async invalidate(userId: number): Promise<void> {
    this.lists.invalidate(userId);
  }
}

import type { ReadyListWrite, RecommendationCache } from '../../domain/ports/recommendation.cache.ts';
import type { Recommendation, Recommender } from '../../domain/recommender/types.ts';

/**
 * The same cache, with every ready-list lookup reported as a hit or a miss
 * (the ready-list hit rate on /metrics). Wrap it outermost: a read the inner
 * cache turned into a miss (Redis down, an old model's list) counts as one.
 */
export class MeteringRecommendationCache implements RecommendationCache {
  constructor(
    private readonly inner: RecommendationCache,
    private readonly lookup: (hit: boolean) => void,
  ) {}

  async get(userId: number, model: Recommender): Promise<Recommendation[] | null> {
    const picks = await this.inner.get(userId, model);
    this.lookup(picks !== null);
    return picks;
  }

  token(userId: number): Promise<number> {
    return this.inner.token(userId);
  }

  set(userId: number, model: Recommender, picks: Recommendation[], token: number): Promise<void> {
    return this.inner.set(userId, model, picks, token);
  }

  tokens(userIds: readonly number[]): Promise<number[]> {
    return this.inner.tokens(userIds);
  }

  setMany(model: Recommender, lists: readonly ReadyListWrite[]): Promise<void> {
    return this.inner.setMany(model, lists);
  }

  invalidate(userId: number): Promise<void> {
    return this.inner.invalidate(userId);
  }
}

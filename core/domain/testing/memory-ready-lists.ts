import type { ReadyListWrite, RecommendationCache } from '../ports/recommendation.cache.ts';
import type { Recommendation } from '../recommender/types.ts';

/**
 * Ready lists in a Map, for use-case tests of what a write drops: a list
 * is stored only if no invalidation came after its token was read, as the
 * real caches (core/infra/cache) do. The model is not checked.
 */
export class MemoryReadyLists implements RecommendationCache {
  readonly lists = new Map<number, Recommendation[]>();
  private readonly tokensOf = new Map<number, number>();
  /** People whose list was dropped, in order. */
  readonly invalidated: number[] = [];

  async get(userId: number) {
    return this.lists.get(userId) ?? null;
  }
  async token(userId: number) {
    return this.tokensOf.get(userId) ?? 0;
  }
  async tokens(userIds: readonly number[]) {
    return userIds.map((id) => this.tokensOf.get(id) ?? 0);
  }
  async set(userId: number, _model: unknown, picks: Recommendation[], token: number) {
    if ((this.tokensOf.get(userId) ?? 0) === token) this.lists.set(userId, picks);
  }
  async setMany(model: unknown, lists: readonly ReadyListWrite[]) {
    for (const list of lists) await this.set(list.userId, model, list.picks, list.token);
  }
  async invalidate(userId: number) {
    this.tokensOf.set(userId, (this.tokensOf.get(userId) ?? 0) + 1);
    this.lists.delete(userId);
    this.invalidated.push(userId);
  }
}

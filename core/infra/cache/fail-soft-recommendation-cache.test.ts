import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import type { EaseRecommender } from '../../domain/recommender/ease-recommender.ts';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback } from '../../domain/testing/memory-stores.ts';
import { MemorySeen, MemoryWatchlist } from '../../domain/testing/memory-taste-lists.ts';
import type { RecommendationCache } from '../../domain/ports/recommendation.cache.ts';
import type { RecommendDeps } from '../../domain/use-cases/deps.ts';
import { addFavorite, recommend, recordFeedback } from '../../domain/use-cases/index.ts';
import { FailSoftRecommendationCache } from './fail-soft-recommendation-cache.ts';
import { MemoryRecommendationCache } from './memory-recommendation-cache.ts';
import { smallCatalog as catalog, smallModel } from '../../domain/testing/small-world.ts';

const ann = { platform: 'discord' as const, platformUserId: 'ann' };
const ids = (picks: { movie: { id: number } }[]) => picks.map((p) => p.movie.id);
let model: EaseRecommender;

beforeAll(async () => {
  model = await smallModel();
});

/** A shared cache that keeps its entries across an outage (a network cut, or Redis restarted with persistence). */
class Unreachable implements RecommendationCache {
  down = false;
  constructor(private readonly inner: RecommendationCache) {}
  private check() {
    if (this.down) throw new Error("Stream isn't writeable and enableOfflineQueue options is false");
  }
  async get(...a: Parameters<RecommendationCache['get']>) {
    this.check();
    return this.inner.get(...a);
  }
  async token(userId: number) {
    this.check();
    return this.inner.token(userId);
  }
  async set(...a: Parameters<RecommendationCache['set']>) {
    this.check();
    return this.inner.set(...a);
  }
  async tokens(userIds: readonly number[]) {
    this.check();
    return this.inner.tokens(userIds);
  }
  async setMany(...a: Parameters<RecommendationCache['setMany']>) {
    this.check();
    return this.inner.setMany(...a);
  }
  async invalidate(userId: number) {
    this.check();
    return this.inner.invalidate(userId);
  }
}

describe('ready lists while the shared cache is down', () => {
  let shared: Unreachable;
  let cache: FailSoftRecommendationCache;
  let recovered: ReturnType<typeof vi.fn<(userIds: number[]) => void>>;
  let deps: RecommendDeps;

  beforeEach(() => {
    shared = new Unreachable(new MemoryRecommendationCache());
    recovered = vi.fn<(userIds: number[]) => void>();
    cache = new FailSoftRecommendationCache(shared, { logger: pino({ level: 'silent' }), onRecovered: recovered });
    deps = {
      accounts: new MemoryAccounts(),
      favorites: new MemoryFavorites(),
      feedback: new MemoryFeedback(),
      seen: new MemorySeen(),
      watchlist: new MemoryWatchlist(),
      catalog,
      model: () => model,
      recommendations: cache,
    };
  });

  it('a 👍 is acknowledged and answers fold in; the list made before it is never served once the cache is back', async () => {
    await addFavorite(deps, ann, 1);
    const before = await recommend(deps, ann, { k: 5 });
    const liked = before[0]!.movie.id;
    const userId = (await deps.accounts.findUser('discord', 'ann'))!;
    expect(await shared.get(userId, model)).not.toBeNull();

    shared.down = true;
    // Stored in the feedback store: it must succeed although the list could not be dropped.
    await expect(recordFeedback(deps, { identity: ann, movieId: liked, value: 1, source: 'button' })).resolves.toMatchObject({ recorded: true });
    expect(await deps.feedback.current(userId)).toEqual(new Map([[liked, 1]]));
    expect(ids(await recommend(deps, ann, { k: 5 }))).not.toContain(liked);
    expect(cache.stale).toEqual([userId]);

    // Back up with the old list still in it: it is dropped before anything is read.
    shared.down = false;
    expect(ids(await recommend(deps, ann, { k: 5 }))).not.toContain(liked);
    expect(recovered).toHaveBeenCalledWith([userId]);
    expect(cache.stale).toEqual([]);
    // And the cache works as before: the answer just made is stored again.
    expect((await shared.get(userId, model))?.map((r) => r.movieId)).not.toContain(liked);
  });

  it('a list made while an invalidation is pending is not stored over the stale one', async () => {
    await addFavorite(deps, ann, 1);
    await recommend(deps, ann, { k: 5 });
    const userId = (await deps.accounts.findUser('discord', 'ann'))!;
    shared.down = true;
    await addFavorite(deps, ann, 2);
    const token = await cache.token(userId);
    shared.down = false;
    await cache.set(userId, model, [{ movieId: 99, score: 1, because: null }], token);
    expect((await shared.get(userId, model))?.map((r) => r.movieId)).not.toEqual([99]);
    // The first read once the cache is back applies the pending invalidation: a miss, nothing stale.
    expect(await cache.get(userId, model)).toBeNull();
    expect(await shared.get(userId, model)).toBeNull();
  });

  it('flush keeps what still fails pending and calls back only for what was applied', async () => {
    await addFavorite(deps, ann, 1);
    const userId = (await deps.accounts.findUser('discord', 'ann'))!;
    shared.down = true;
    await cache.invalidate(userId);
    await cache.flush();
    expect(cache.stale).toEqual([userId]);
    expect(recovered).not.toHaveBeenCalled();
    shared.down = false;
    await cache.flush();
    expect(cache.stale).toEqual([]);
    expect(recovered).toHaveBeenCalledTimes(1);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EaseRecommender } from '../../domain/recommender/ease-recommender.ts';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback } from '../../domain/testing/memory-stores.ts';
import { MemorySeen, MemoryWatchlist } from '../../domain/testing/memory-taste-lists.ts';
import type { RecommendDeps } from '../../domain/use-cases/deps.ts';
import { addFavorite, forgetUser, recommend, recordFeedback, refreshRecommendations, refreshRecommendationsMany } from '../../domain/use-cases/index.ts';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RecommendationCache } from '../../domain/ports/recommendation.cache.ts';
import { MemoryRecommendationCache } from './memory-recommendation-cache.ts';
import { RedisRecommendationCache } from './redis-recommendation-cache.ts';
import { TEST_REDIS_URL } from '../../../test/support/redis-server.ts';
import { smallCatalog as catalog, smallModel } from '../../domain/testing/small-world.ts';

const ann = { platform: 'discord' as const, platformUserId: 'ann' };
let model: EaseRecommender;
let deps: RecommendDeps & { recommendations: RecommendationCache };
let redis: Redis;
const ids = (picks: { movie: { id: number } }[]) => picks.map((p) => p.movie.id);

beforeAll(async () => {
  model = await smallModel();
  redis = new Redis(TEST_REDIS_URL);
});
afterAll(async () => {
  await redis.quit();
});

/** One contract, two caches: in memory (embedded) and on real Redis (a key prefix per test). */
const CACHES: { name: string; make: () => RecommendationCache }[] = [
  { name: 'in memory', make: () => new MemoryRecommendationCache() },
  { name: 'on Redis', make: () => new RedisRecommendationCache(redis, (m) => (m === model ? 'v1' : 'another'), { prefix: `test-${randomUUID()}` }) },
];

describe.each(CACHES)('ready lists $name', ({ make }) => {
  beforeEach(() => {
    deps = {
      accounts: new MemoryAccounts(),
      favorites: new MemoryFavorites(),
      feedback: new MemoryFeedback(),
      seen: new MemorySeen(),
      watchlist: new MemoryWatchlist(),
      catalog,
      model: () => model,
      recommendations: make(),
    };
  });

  it('answers plain requests and "more" pages from one fold-in, and the same as without a cache', async () => {
    await addFavorite(deps, ann, 1);
    const fold = vi.spyOn(model, 'recommend');
    const first = await recommend(deps, ann, { k: 5 });
    const page2 = await recommend(deps, ann, { k: 10 });
    expect(fold).toHaveBeenCalledTimes(1);
    expect(ids(page2).slice(0, 5)).toEqual(ids(first));
    expect(ids(first)).toEqual(ids(await recommend({ ...deps, recommendations: undefined }, ann, { k: 5 })));
    fold.mockRestore();
  });

  it('a taste change drops the list at once: the next answer follows it', async () => {
    await addFavorite(deps, ann, 1);
    const before = await recommend(deps, ann, { k: 5 });
    await recordFeedback(deps, { identity: ann, movieId: before[0]!.movie.id, value: -1, source: 'button' });
    expect(ids(await recommend(deps, ann, { k: 5 }))).not.toContain(before[0]!.movie.id);
    await addFavorite(deps, ann, before[1]!.movie.id);
    expect(ids(await recommend(deps, ann, { k: 5 }))).not.toContain(before[1]!.movie.id);
    await forgetUser(deps, ann);
    expect(await deps.recommendations.get(1, model)).toBeNull();
  });

  it('a recompute overtaken by a taste change does not store its stale list', async () => {
    await addFavorite(deps, ann, 1);
    const token = await deps.recommendations.token(1);
    await addFavorite(deps, ann, 2);
    await deps.recommendations.set(1, model, [{ movieId: 99, score: 1, because: null }], token);
    expect(await deps.recommendations.get(1, model)).toBeNull();
    await refreshRecommendations(deps, 1);
    expect(await deps.recommendations.get(1, model)).not.toBeNull();
  });

  it('a batch refresh stores for each person the list a refresh of them alone would, and refuses only the one a taste change overtook', async () => {
    const people = ['ann', 'bob', 'cy', 'dee'].map((platformUserId) => ({ platform: 'discord' as const, platformUserId }));
    for (const [i, person] of people.entries()) {
      await addFavorite(deps, person, 1 + i);
      await recordFeedback(deps, { identity: person, movieId: 21 + i, value: i % 2 ? 1 : -1, source: 'button' });
    }
    const userIds = await Promise.all(people.map((p) => deps.accounts.resolveUser(p)));
    const alone = [];
    for (const id of userIds) alone.push(await refreshRecommendations(deps, id));
    await Promise.all(userIds.map((id) => deps.recommendations.invalidate(id)));
    // Cy's taste changes after the batch took its tokens and before it stores: Cy's list is stale.
    const listMany = deps.favorites.listMany.bind(deps.favorites);
    const favorites = Object.assign(Object.create(deps.favorites) as typeof deps.favorites, {
      listMany: async (ids: readonly number[]) => {
        await deps.recommendations.invalidate(userIds[2]!);
        return listMany(ids);
      },
    });
    const picks = await refreshRecommendationsMany({ ...deps, favorites }, userIds);
    expect(picks).toEqual(alone);
    for (const [i, id] of userIds.entries()) expect(await deps.recommendations.get(id, model)).toEqual(i === 2 ? null : alone[i]);
  });

  it('a list made by another model is a miss', async () => {
    await addFavorite(deps, ann, 1);
    await refreshRecommendations(deps, 1);
    const other = new EaseRecommender(model.factors, model.params);
    expect(await deps.recommendations.get(1, other)).toBeNull();
  });
});

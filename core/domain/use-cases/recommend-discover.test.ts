import { beforeAll, describe, expect, it } from 'vitest';
import type { RecommendationCache } from '../ports/recommendation.cache.ts';
import type { Recommendation, RecommendOptions, Recommender } from '../recommender/types.ts';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback } from '../testing/memory-stores.ts';
import { MemorySeen, MemoryWatchlist } from '../testing/memory-taste-lists.ts';
import { smallCatalog as catalog, smallModel } from '../testing/small-world.ts';
import type { RecommendDeps } from './deps.ts';
import { addFavorite, recommend } from './index.ts';

const ann = { platform: 'discord' as const, platformUserId: 'ann' };

/** A ready list of one film nobody would pick, so an answer read from it shows. */
const stale: Recommendation[] = [{ movieId: 52, score: 1, because: null }];
const readyLists: RecommendationCache = {
  get: () => Promise.resolve(stale),
  token: () => Promise.resolve(0),
  set: () => Promise.resolve(),
  tokens: (ids) => Promise.resolve(ids.map(() => 0)),
  setMany: () => Promise.resolve(),
  invalidate: () => Promise.resolve(),
};

let model: Recommender;
const asked: (RecommendOptions | undefined)[] = [];
beforeAll(async () => {
  const inner = await smallModel();
  model = {
    recommend: (profile, k, options) => {
      asked.push(options);
      return inner.recommend(profile, k, options);
    },
    recommendGroup: (members, k, options) => inner.recommendGroup(members, k, options),
  };
});

describe('recommend, discover mode', () => {
  it('folds the person in with the mode each time, never answering from the ready list', async () => {
    const deps: RecommendDeps = {
      accounts: new MemoryAccounts(),
      favorites: new MemoryFavorites(),
      feedback: new MemoryFeedback(),
      seen: new MemorySeen(),
      watchlist: new MemoryWatchlist(),
      catalog,
      model: () => model,
      recommendations: readyLists,
    };
    await addFavorite(deps, ann, 1);
    expect((await recommend(deps, ann, { k: 3 })).map((p) => p.movie.id)).toEqual([52]);
    asked.length = 0;
    const picks = await recommend(deps, ann, { k: 3, mode: 'discover' });
    expect(picks).toHaveLength(3);
    expect(picks.map((p) => p.movie.id)).not.toContain(1);
    expect(asked).toEqual([{ popular: [], mode: 'discover' }]);
  });
});

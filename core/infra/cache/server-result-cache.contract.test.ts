import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerResultCache } from '../../domain/ports/server-result.cache.ts';
import { EaseRecommender } from '../../domain/recommender/ease-recommender.ts';
import { MemoryCommunities } from '../../domain/testing/memory-communities.ts';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback } from '../../domain/testing/memory-stores.ts';
import { MemorySeen, MemoryWatchlist } from '../../domain/testing/memory-taste-lists.ts';
import {
  addFavorite,
  forgetUser,
  joinCommunity,
  recordFeedback,
  refreshServerResults,
  serverPick,
  serverTrends,
  type CommunityDeps,
} from '../../domain/use-cases/index.ts';
import { FailSoftServerResultCache } from './fail-soft-server-result-cache.ts';
import { MemoryServerResultCache } from './memory-server-result-cache.ts';
import { RedisServerResultCache } from './redis-server-result-cache.ts';
import { TEST_REDIS_URL } from '../../../test/support/redis-server.ts';
import { smallCatalog as catalog, smallModel } from '../../domain/testing/small-world.ts';

const guild = { platform: 'discord' as const, id: 'guild-1' };
const people = ['ann', 'bob', 'cy'].map((id) => ({ platform: 'discord' as const, platformUserId: id }));
const [ann, bob, cy] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
let model: EaseRecommender;
let deps: CommunityDeps & { serverResults: ServerResultCache; communities: MemoryCommunities };
let redis: Redis;
const ids = (picks: { movie: { id: number } }[]) => picks.map((p) => p.movie.id);

beforeAll(async () => {
  model = await smallModel();
  redis = new Redis(TEST_REDIS_URL);
});
afterAll(async () => {
  await redis.quit();
});

const onRedis = () => new RedisServerResultCache(redis, (m) => (m === model ? 'v1' : 'another'), { prefix: `test-${randomUUID()}` });

/** One contract, three caches: in memory (embedded), on real Redis (a key prefix per test), and Redis behind the fail-soft wrapper. */
const CACHES: { name: string; make: () => ServerResultCache }[] = [
  { name: 'in memory', make: () => new MemoryServerResultCache() },
  { name: 'on Redis', make: onRedis },
  { name: 'on Redis, fail-soft', make: () => new FailSoftServerResultCache(onRedis(), { logger: pino({ level: 'silent' }) }) },
];

function freshDeps(serverResults: ServerResultCache) {
  const favorites = new MemoryFavorites();
  const feedback = new MemoryFeedback();
  const communities = new MemoryCommunities({ favorites, feedback });
  const accounts = new MemoryAccounts([(userId) => communities.dropUser(userId)]);
  return { accounts, favorites, feedback, seen: new MemorySeen(), watchlist: new MemoryWatchlist(), communities, catalog, model: () => model, serverResults };
}

/** Three members with distinct tastes: enough contributors for trends. */
async function seed(d: CommunityDeps) {
  for (const [who, movies] of [
    [ann, [1, 2]],
    [bob, [2, 21]],
    [cy, [2, 41]],
  ] as const) {
    await joinCommunity(d, who, guild);
    for (const id of movies) await addFavorite(d, who, id);
  }
  return (await d.communities.ensure('discord', 'guild-1')).id;
}

describe.each(CACHES)('ready server results $name', ({ make }) => {
  beforeEach(() => {
    deps = freshDeps(make());
  });

  it('a server pick and trends are answered from the ready result, the same as computed on the spot', async () => {
    const communityId = await seed(deps);
    const plain = { ...deps, serverResults: undefined };
    const expected = await serverPick(plain, guild, 10);
    const expectedTrends = await serverTrends(plain, guild, 'https://x.example');
    await refreshServerResults(deps, communityId);
    const fold = vi.spyOn(model, 'recommendGroup');
    const signals = vi.spyOn(deps.communities, 'tasteSignals');
    const ready = await serverPick(deps, guild, 10);
    const trends = await serverTrends(deps, guild, 'https://x.example');
    expect(fold).not.toHaveBeenCalled();
    expect(signals).not.toHaveBeenCalled();
    fold.mockRestore();
    signals.mockRestore();
    expect(ids(ready.picks)).toEqual(ids(expected.picks));
    expect(ready.members).toEqual(expected.members);
    expect(ready.members.map((m) => m.platformUserId)).toEqual(['ann', 'bob', 'cy']);
    expect(trends).toEqual(expectedTrends);
    expect(trends.trends.mostLiked[0]).toMatchObject({ movie: { id: 2 }, likes: 3 });
  });

  it('a miss is computed on the spot and kept: the next answer needs no fold-in', async () => {
    await seed(deps);
    const fold = vi.spyOn(model, 'recommendGroup');
    const first = await serverPick(deps, guild, 5);
    const again = await serverPick(deps, guild, 5);
    expect(fold).toHaveBeenCalledTimes(1);
    fold.mockRestore();
    expect(ids(again.picks)).toEqual(ids(first.picks));
    expect(first.picks).toHaveLength(5);
  });

  it('invalidating drops both; a recompute overtaken by a taste change does not store its stale result', async () => {
    const communityId = await seed(deps);
    await refreshServerResults(deps, communityId);
    const token = await deps.serverResults.token(communityId);
    const stale = await deps.serverResults.getTrends(communityId);
    const before = await deps.serverResults.getPick(communityId, model);
    expect(before).not.toBeNull();
    await recordFeedback(deps, { identity: ann, movieId: before!.picks[0]!.movieId, value: 1, source: 'button' });
    await deps.serverResults.invalidate(communityId);
    expect(await deps.serverResults.getPick(communityId, model)).toBeNull();
    expect(await deps.serverResults.getTrends(communityId)).toBeNull();
    await deps.serverResults.set(communityId, { trends: stale!, pick: { model, value: before! } }, token);
    expect(await deps.serverResults.getPick(communityId, model)).toBeNull();
    await refreshServerResults(deps, communityId);
    const after = await deps.serverResults.getPick(communityId, model);
    expect(after!.picks.map((p) => p.movieId)).not.toContain(before!.picks[0]!.movieId);
    expect(after!.picks.map((p) => p.movieId)).not.toEqual(before!.picks.map((p) => p.movieId));
  });

  it('marked stale, the pick keeps answering until its replacement, the trends are remade with the change, and an overtaken recompute is refused', async () => {
    const communityId = await seed(deps);
    await refreshServerResults(deps, communityId);
    const token = await deps.serverResults.token(communityId);
    const before = (await deps.serverResults.getPick(communityId, model))!;
    const liked = before.picks[0]!.movieId;
    await recordFeedback(deps, { identity: ann, movieId: liked, value: 1, source: 'button' });
    await deps.serverResults.markStale(communityId);
    expect(await deps.serverResults.getTrends(communityId)).toBeNull();
    const fold = vi.spyOn(model, 'recommendGroup');
    expect(ids((await serverPick(deps, guild, 5)).picks)).toContain(liked);
    expect(fold).not.toHaveBeenCalled();
    fold.mockRestore();
    expect((await serverTrends(deps, guild, 'https://x.example')).trends.mostLiked.map((t) => t.movie.id)).toContain(liked);
    // A recompute that read the taste before the change does not store over it...
    await deps.serverResults.set(
      communityId,
      { trends: (await deps.serverResults.getTrends(communityId))!, pick: { model, value: { ...before, picks: [] } } },
      token,
    );
    expect(await deps.serverResults.getPick(communityId, model)).toEqual(before);
    // ...the one after it does.
    await refreshServerResults(deps, communityId);
    expect((await deps.serverResults.getPick(communityId, model))!.picks.map((p) => p.movieId)).not.toContain(liked);
  });

  it('a pick made before a member joined is made again with them', async () => {
    const communityId = await seed(deps);
    await refreshServerResults(deps, communityId);
    const dan = { platform: 'discord' as const, platformUserId: 'dan' };
    await joinCommunity(deps, dan, guild);
    expect(await deps.serverResults.getPick(communityId, model)).not.toBeNull();
    await addFavorite(deps, dan, 41);
    const { members } = await serverPick(deps, guild, 5);
    expect(members.map((m) => m.platformUserId)).toEqual(['ann', 'bob', 'cy', 'dan']);
  });

  it('a pick made by another model is a miss; the trends, which no model makes, still hit', async () => {
    const communityId = await seed(deps);
    await refreshServerResults(deps, communityId);
    const other = new EaseRecommender(model.factors, model.params);
    expect(await deps.serverResults.getPick(communityId, other)).toBeNull();
    expect(await deps.serverResults.getTrends(communityId)).not.toBeNull();
  });

  it('trends remade while no model is served keep the pick already there', async () => {
    const communityId = await seed(deps);
    await refreshServerResults(deps, communityId);
    const pick = await deps.serverResults.getPick(communityId, model);
    await refreshServerResults({ ...deps, model: () => null }, communityId);
    expect(await deps.serverResults.getPick(communityId, model)).toEqual(pick);
  });

  it("forgetting a member drops their servers' results: neither the pick nor the trends carry them", async () => {
    const communityId = await seed(deps);
    await refreshServerResults(deps, communityId);
    await forgetUser(deps, cy);
    expect(await deps.serverResults.getPick(communityId, model)).toBeNull();
    const { members } = await serverPick(deps, guild, 5);
    expect(members.map((m) => m.platformUserId)).toEqual(['ann', 'bob']);
    expect((await serverTrends(deps, guild, 'https://x.example')).trends.contributors).toBe(2);
  });

  it('a ready pick naming a member who is gone is made again', async () => {
    const communityId = await seed(deps);
    await refreshServerResults(deps, communityId);
    // Deleted behind the cache's back (another process, no invalidation reached us).
    const before = await serverPick(deps, guild, 10);
    await deps.accounts.deleteUser((await deps.accounts.findUser('discord', 'bob'))!);
    const { members, picks } = await serverPick(deps, guild, 10);
    expect(members.map((m) => m.platformUserId)).toEqual(['ann', 'cy']);
    // Remade without bob's romance: what the stores say now, not the ready pick.
    expect(ids(picks)).toEqual(ids((await serverPick({ ...deps, serverResults: undefined }, guild, 10)).picks));
    expect(ids(picks)).not.toEqual(ids(before.picks));
  });
});

describe('ready server results while the cache is down', () => {
  /** A memory cache that can be switched off, as Redis going away looks to the wrapper. */
  class Flaky extends MemoryServerResultCache {
    down = false;
    private check() {
      if (this.down) throw new Error('Connection is closed.');
    }
    override async getPick(...args: Parameters<MemoryServerResultCache['getPick']>) {
      this.check();
      return super.getPick(...args);
    }
    override async getTrends(communityId: number) {
      this.check();
      return super.getTrends(communityId);
    }
    override async token(communityId: number) {
      this.check();
      return super.token(communityId);
    }
    override async set(...args: Parameters<MemoryServerResultCache['set']>) {
      this.check();
      return super.set(...args);
    }
    override async invalidate(communityId: number) {
      this.check();
      return super.invalidate(communityId);
    }
  }

  it('answers on the spot, never serves a result a failed invalidation left stale, and asks for a recompute once back', async () => {
    const inner = new Flaky();
    const recovered: number[][] = [];
    const cache = new FailSoftServerResultCache(inner, { logger: pino({ level: 'silent' }), onRecovered: (c) => recovered.push(c) });
    deps = freshDeps(cache);
    const communityId = await seed(deps);
    const before = await serverPick(deps, guild, 5);
    inner.down = true;
    await recordFeedback(deps, { identity: ann, movieId: before.picks[0]!.movie.id, value: 1, source: 'button' });
    await cache.invalidate(communityId);
    const during = await serverPick(deps, guild, 5);
    expect(ids(during.picks)).not.toContain(before.picks[0]!.movie.id);
    inner.down = false;
    // Back up, but the drop has not been applied yet: the old entry must not be read meanwhile.
    expect(await inner.getPick(communityId, model)).not.toBeNull();
    const after = await serverPick(deps, guild, 5);
    expect(ids(after.picks)).toEqual(ids(during.picks));
    expect(recovered).toEqual([[communityId]]);
  });
});

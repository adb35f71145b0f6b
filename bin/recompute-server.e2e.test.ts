/**
 * A 👍 changes the server pick through the real queue: the bot's use case
 * writes Postgres and marks the community's ready result stale in Redis, the
 * taste change goes to BullMQ as a recompute-server, and a worker (its own
 * product, as in another process: its own caches and model copy) remakes the
 * pick and trends in the shared Redis cache, where a bot reads them.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addFavorite, JOB_NAMES, joinCommunity, loadConfig, recordFeedback, serverPick, serverTrends } from '../core/index.ts';
import { RedisServerResultCache, type BullmqQueue } from '../core/wiring.ts';
import { importDataset } from '../data/index.ts';
import { openProduct, type Product } from './runtime/product.ts';
import { startWorkers } from './runtime/workers.ts';
import { freshPostgres, silentLogger, type TestDatabase } from '../test/support/databases.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';
import { TEST_REDIS_URL } from '../test/support/redis-server.ts';

const tmp = useTempDirs('moviebot-recompute-server-');

describe.skipIf(!ML_LATEST_SMALL.present)('recompute-server on BullMQ', () => {
  const prefix = `test-${randomUUID()}`;
  let db: TestDatabase;
  const connections: Redis[] = [];
  let bot: Product;
  let worker: Product;
  let workers: { close: () => Promise<void> };

  const connect = async () => {
    const redis = new Redis(TEST_REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    await new Promise((resolve) => redis.once('ready', resolve));
    connections.push(redis);
    return redis;
  };

  beforeAll(async () => {
    db = await freshPostgres();
    await importDataset({ database: db.database, dir: ML_LATEST_SMALL.dir });
    const config = loadConfig({ DATA_DIR: path.join(tmp(), 'data'), MOVIELENS_DIR: ML_LATEST_SMALL.dir, REDIS_URL: TEST_REDIS_URL });
    bot = await openProduct(config, db.database, silentLogger, () => {}, { redis: await connect(), prefix });
    await bot.modelReady;
    // The worker's own product loads the model the bot's first run saved.
    worker = await openProduct(config, db.database, silentLogger, () => {}, { redis: await connect(), prefix });
    await worker.modelReady;
    workers = startWorkers(config, silentLogger, worker, prefix);
  }, 180_000);
  afterAll(async () => {
    await workers?.close();
    for (const name of JOB_NAMES)
      await (bot?.jobs as BullmqQueue | undefined)
        ?.queue(name)
        .obliterate({ force: true })
        .catch(() => undefined);
    await bot?.jobs.close();
    await worker?.jobs.close();
    const redis = connections[0];
    if (redis) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
    }
    for (const c of connections) await c.quit();
    await db?.drop();
  });

  it('a 👍 by a member changes the cached server pick and trends within 10 s', async () => {
    const guild = { platform: 'discord' as const, id: 'e2e-guild' };
    const members = { ann: [2571, 260], bob: [2571, 1196], cy: [2571] };
    for (const [who, movies] of Object.entries(members)) {
      const identity = { platform: 'discord' as const, platformUserId: `rs-${who}` };
      await joinCommunity(bot.deps, identity, guild);
      for (const id of movies) await addFavorite(bot.deps, identity, id);
    }
    const communityId = (await bot.deps.communities.ensure('discord', 'e2e-guild')).id;
    // What a bot in another process reads: the shared cache, keyed by the served model's version.
    const cache = new RedisServerResultCache(connections[0]!, () => bot.models.current().manifest.version, { prefix: `${prefix}:ready` });
    const model = bot.models.current().recommender;
    const first = await serverPick(bot.deps, guild, 5);
    expect(first.members.map((m) => m.platformUserId).sort()).toEqual(['rs-ann', 'rs-bob', 'rs-cy']);
    await until(async () => (await cache.getPick(communityId, model))?.memberIds.length === 3, 10_000);

    const liked = first.picks[0]!.movie.id;
    const started = Date.now();
    await recordFeedback(bot.deps, { identity: { platform: 'discord', platformUserId: 'rs-ann' }, movieId: liked, value: 1, source: 'button' });
    await until(async () => {
      const ready = await cache.getPick(communityId, model);
      return ready !== null && !ready.picks.some((p) => p.movieId === liked);
    }, 15_000);
    const ms = Date.now() - started;
    console.log(`server pick changed ${ms} ms after the 👍`);
    const ready = (await cache.getPick(communityId, model))!;
    expect(ready.picks.map((p) => p.movieId)).not.toContain(liked);
    expect(ready.memberIds).toHaveLength(3);
    expect(ms).toBeLessThan(10_000);
    // Made by the worker (the bot only marks it stale; nobody asked it here): the trends came with it.
    expect((await cache.getTrends(communityId))!.mostLiked.map((t) => t.movieId)).toContain(liked);

    // The bot now answers from it, without folding anyone in.
    const fold = vi.spyOn(model, 'recommendGroup');
    const again = await serverPick(bot.deps, guild, 5);
    const trends = await serverTrends(bot.deps, guild, 'https://x.example');
    expect(fold).not.toHaveBeenCalled();
    fold.mockRestore();
    expect(again.picks.map((p) => p.movie.id)).toEqual(ready.picks.slice(0, 5).map((p) => p.movieId));
    expect(trends.trends.mostLiked[0]).toMatchObject({ movie: { id: 2571 }, likes: 3 });
  });
});

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check()) && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
}

/**
 * A 👍 changes the person's ready list through the real queue: the bot's
 * use case writes Postgres, the taste change goes to BullMQ on Redis, a
 * worker remakes the list in the shared Redis cache.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFavorite, loadConfig, recommend, recordFeedback } from '../core/index.ts';
import { RedisRecommendationCache } from '../core/wiring.ts';
import { importDataset } from '../data/index.ts';
import { openProduct, type Product } from './runtime/product.ts';
import { startWorkers } from './runtime/workers.ts';
import { freshPostgres, silentLogger, type TestDatabase } from '../test/support/databases.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';
import { TEST_REDIS_URL } from '../test/support/redis-server.ts';

const tmp = useTempDirs('moviebot-recompute-');

describe.skipIf(!ML_LATEST_SMALL.present)('recompute-user on BullMQ', () => {
  const prefix = `test-${randomUUID()}`;
  let db: TestDatabase;
  let redis: Redis;
  let product: Product;
  let workers: { close: () => Promise<void> };

  beforeAll(async () => {
    db = await freshPostgres();
    await importDataset({ database: db.database, dir: ML_LATEST_SMALL.dir });
    redis = new Redis(TEST_REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    await new Promise((resolve) => redis.once('ready', resolve));
    const config = loadConfig({ DATA_DIR: path.join(tmp(), 'data'), MOVIELENS_DIR: ML_LATEST_SMALL.dir, REDIS_URL: TEST_REDIS_URL });
    product = await openProduct(config, db.database, silentLogger, () => {}, { redis, prefix });
    await product.modelReady;
    workers = startWorkers(config, silentLogger, product, prefix);
  }, 180_000);
  afterAll(async () => {
    await workers?.close();
    await product?.jobs.close();
    await redis?.quit();
    await db?.drop();
  });

  it('a 👍 changes the cached list within 2 s', async () => {
    const ann = { platform: 'discord' as const, platformUserId: 'recompute-ann' };
    for (const id of [2571, 260, 1]) await addFavorite(product.deps, ann, id);
    const first = await recommend(product.deps, ann, { k: 5 });
    const userId = (await product.deps.accounts.findUser('discord', 'recompute-ann'))!;
    // What a bot in another process would read: the shared cache, keyed by the served model's version.
    const cache = new RedisRecommendationCache(redis, () => product.models.current().manifest.version, { prefix: `${prefix}:ready` });
    const model = product.models.current().recommender;
    await until(async () => (await cache.get(userId, model)) !== null, 5_000);

    const liked = first[0]!.movie.id;
    const started = Date.now();
    await recordFeedback(product.deps, { identity: ann, movieId: liked, value: 1, source: 'button' });
    await until(async () => {
      const ready = await cache.get(userId, model);
      return ready !== null && !ready.some((r) => r.movieId === liked);
    }, 5_000);
    const ms = Date.now() - started;
    const ready = (await cache.get(userId, model))!;
    expect(ready.map((r) => r.movieId)).not.toContain(liked);
    expect(ready.length).toBe(50);
    expect(ms).toBeLessThan(2_000);
  });
});

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check()) && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
}

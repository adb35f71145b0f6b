/**
 * Acceptance 4 of issue 5: a retrain that includes the community's feedback
 * produces a model that reflects it, is promoted, and is picked up live.
 * Real Postgres and Redis: one product plays the bot, another the worker
 * (its own ModelHolder, Redis connections and subscriber), the retrain job
 * goes through BullMQ, and the bot learns of the promotion on the Redis
 * channel (its registry poll is set to a minute, longer than the test waits).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFavorite, joinCommunity, loadConfig, recommend, recordFeedback } from '../core/index.ts';
import { createRepositories, loadModel } from '../core/wiring.ts';
import { importDataset } from '../data/index.ts';
import { openProduct, type Product } from './runtime/product.ts';
import { startWorkers } from './runtime/workers.ts';
import { freshPostgres, silentLogger, type TestDatabase } from '../test/support/databases.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';
import { TEST_REDIS_URL } from '../test/support/redis-server.ts';

const tmp = useTempDirs('moviebot-retrain-');

/** Well-known films: Memento, Twelve Monkeys, Back to the Future (100+ positives each in ml-latest-small). */
const POPULAR = [4226, 32, 1270];
/** Intacto (2001): two ratings in ml-latest-small, one of them positive. */
const OBSCURE = 5949;
/** Titanic (1997). */
const DISLIKED = 1721;
const COMMUNITY_SIZE = 30;

async function connect(): Promise<Redis> {
  const redis = new Redis(TEST_REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  await new Promise((resolve) => redis.once('ready', resolve));
  return redis;
}

describe.skipIf(!ML_LATEST_SMALL.present)('retrain with the community’s feedback, promoted and picked up live', () => {
  const prefix = `test-${randomUUID()}`;
  let db: TestDatabase;
  let dataDir: string;
  const redises: Redis[] = [];
  let bot: Product;
  let worker: Product;
  let workers: { close: () => Promise<void> };

  beforeAll(async () => {
    db = await freshPostgres();
    await importDataset({ database: db.database, dir: ML_LATEST_SMALL.dir });
    dataDir = path.join(tmp(), 'data');
    // No MOVIELENS_DIR: the first model is trained from the imported ratings in the database.
    const config = loadConfig({ DATA_DIR: dataDir, REDIS_URL: TEST_REDIS_URL });
    redises.push(await connect(), await connect());
    bot = await openProduct(config, db.database, silentLogger, () => {}, { redis: redises[0], prefix, modelPollMs: 60_000 });
    await bot.modelReady;
    // Started after the bot trained the first version: it loads that version from the registry.
    worker = await openProduct(config, db.database, silentLogger, () => {}, { redis: redises[1], prefix, modelPollMs: 60_000 });
    await worker.modelReady;
    workers = startWorkers(config, silentLogger, worker, prefix);
  }, 180_000);

  afterAll(async () => {
    await workers?.close();
    for (const product of [bot, worker]) {
      await product?.jobs.close();
      await product?.rollout.close();
    }
    await Promise.all(redises.map((r) => r.quit()));
    await db?.drop();
  });

  it('serves the first model as the registered active version, with its held-out figures', async () => {
    const versions = createRepositories(db.database.db).modelVersions;
    const active = (await versions.active())!;
    expect(active.version).toBe(bot.models.current().manifest.version);
    expect(worker.models.current().manifest.version).toBe(active.version);
    expect(active.path).toBe(path.join('models', active.version));
    expect(active.metrics['evalUsers']).toBeGreaterThan(50);
    expect(active.metrics['ndcg20']).toBeGreaterThan(0.05);
    // models/current still names the served model, for tools that read a directory.
    expect((await loadModel(path.join(dataDir, 'models', 'current'))).manifest.version).toBe(active.version);
  });

  it('a community that loves an obscure film: the retrained model recommends it, is promoted and served without restart', async () => {
    const newcomer = { platform: 'discord' as const, platformUserId: 'retrain-newcomer' };
    for (const id of POPULAR) await addFavorite(bot.deps, newcomer, id);
    const ids = async () => (await recommend(bot.deps, newcomer, { k: 10 })).map((r) => r.movie.id);
    expect(await ids()).not.toContain(OBSCURE);

    // The community: the obscure film and the popular ones are favourites; a 👎 for one they all disliked.
    for (let i = 0; i < COMMUNITY_SIZE; i++) {
      const member = { platform: 'discord' as const, platformUserId: `retrain-member-${i}` };
      await joinCommunity(bot.deps, member, { platform: 'discord', id: 'retrain-guild' });
      for (const id of [...POPULAR, OBSCURE]) await addFavorite(bot.deps, member, id);
      await recordFeedback(bot.deps, { identity: member, movieId: DISLIKED, value: -1, source: 'button', eventKey: `retrain-${i}` });
    }

    const before = bot.models.current().manifest.version;
    await bot.jobs.enqueue('retrain', { reason: 'manual' });
    await until(() => bot.models.current().manifest.version !== before, 90_000);
    const after = bot.models.current().manifest.version;
    expect(after).not.toBe(before);

    const versions = createRepositories(db.database.db).modelVersions;
    const active = (await versions.active())!;
    expect(active.version).toBe(after);
    expect(active.metrics['communitySignals']).toBe(COMMUNITY_SIZE * (POPULAR.length + 2) + POPULAR.length);
    expect(active.metrics['ndcg20']).toBeGreaterThanOrEqual(active.metrics['previousNdcg20']! * 0.98);
    expect(worker.models.current().manifest.version).toBe(after);
    expect(await ids()).toContain(OBSCURE);
  }, 120_000);

  it('a second run on the same data trains nothing and leaves one active version', async () => {
    const served = bot.models.current().manifest.version;
    const outcome = await worker.rollout.retrain();
    expect(outcome).toMatchObject({ status: 'unchanged', version: served });
    const rows = await db.database.sql.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM model_versions GROUP BY status ORDER BY status',
    );
    expect(rows).toEqual([
      { status: 'active', n: 1 },
      { status: 'retired', n: 1 },
    ]);
    expect(bot.models.current().manifest.version).toBe(served);
    // Only the two versions' directories (and the link): no half-written one.
    const entries = fs.readdirSync(path.join(dataDir, 'models')).sort();
    expect(entries.filter((e) => !e.startsWith('.'))).toHaveLength(3);
    expect(entries.filter((e) => e.includes('partial'))).toEqual([]);
  });
});

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
}

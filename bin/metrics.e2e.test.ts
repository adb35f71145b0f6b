/**
 * /metrics of the running roles, on real Postgres and a redis-server of the
 * test's own (the worker process uses the default queue prefix):
 *  - a `moviebot worker` process serves the durations of the jobs it ran on
 *    METRICS_PORT (it has no web server);
 *  - the web server of a process that answers people shows recommend
 *    latency, ready-list hits and misses, and the queues' depth read from
 *    Redis; the METRICS_PORT endpoint a bot-only process opens serves the
 *    same registry; ADMIN_TOKEN opens the queue dashboard on that server.
 */
import path from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JOB_NAMES, loadConfig, QUEUE_STATES, recommend } from '../core/index.ts';
import { createRedisClient, type Repositories } from '../core/wiring.ts';
import { startMetricsServer } from './runtime/metrics-server.ts';
import { openProduct, type Product } from './runtime/product.ts';
import { startWeb } from './runtime/web.ts';
import { spawnCli } from '../test/support/cli.ts';
import { series } from '../test/support/prometheus.ts';
import { silentLogger, type TestDatabase } from '../test/support/databases.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { freePort, startOwnRedis, type OwnRedis } from '../test/support/redis-server.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';
import { trainedPostgres } from '../test/support/trained-postgres.ts';

const tmp = useTempDirs('moviebot-metrics-');

async function scrape(url: string): Promise<string> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
}

describe.skipIf(!ML_LATEST_SMALL.present)('metrics of the running roles', () => {
  let db: TestDatabase;
  let repos: Repositories;
  let dataDir: string;
  let redisServer: OwnRedis;
  const cleanups: (() => Promise<unknown>)[] = [];
  const later = (c: () => Promise<unknown>) => cleanups.push(c);

  beforeAll(async () => {
    dataDir = path.join(tmp(), 'data');
    // Trains the model once; every process below loads it.
    ({ db, repos } = await trainedPostgres(dataDir));
    redisServer = await startOwnRedis();
  }, 180_000);
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  });
  afterAll(async () => {
    await redisServer?.stop();
    await db?.drop();
  });

  const env = (extra: Record<string, string> = {}) => ({ DATA_DIR: dataDir, DATABASE_URL: db.url!, REDIS_URL: redisServer.url, LOG_LEVEL: 'warn', ...extra });

  /** What a bot or web process opens: the product on its own fail-fast Redis connection. */
  async function openServing(extra: Record<string, string> = {}): Promise<{ product: Product; redis: Redis; config: ReturnType<typeof loadConfig> }> {
    const redis = createRedisClient(redisServer.url, silentLogger);
    await new Promise((resolve) => redis.once('ready', resolve));
    const config = loadConfig(env(extra));
    const product = await openProduct(config, db.database, silentLogger, () => {}, { redis });
    await product.modelReady;
    later(async () => {
      await product.jobs.close();
      await product.rollout.close();
      redis.disconnect();
    });
    return { product, redis, config };
  }

  it('a `moviebot worker` process serves the durations of the jobs it ran on METRICS_PORT', async () => {
    const port = await freePort();
    const worker = spawnCli(['worker'], env({ METRICS_PORT: String(port), HOST: '127.0.0.1' }));
    later(async () => {
      worker.process.kill('SIGTERM');
      await worker.exited;
    });
    await worker.waitFor(/worker ready/, 90_000);
    const metricsUrl = `http://127.0.0.1:${port}/metrics`;
    const count = async () => series(await scrape(metricsUrl), 'moviebot_job_duration_seconds_count', { queue: 'recompute-user', outcome: 'completed' }) ?? 0;
    expect(await count()).toBe(0);

    const { product } = await openServing();
    const userId = await repos.accounts.resolveUser({ platform: 'discord', platformUserId: 'metrics-wes' });
    for (const id of [2571, 260]) await repos.favorites.add(userId, id);
    await product.jobs.enqueue('recompute-user', { userId });
    await product.jobs.enqueue('recompute-user', { userId });
    const end = Date.now() + 15_000;
    while ((await count()) < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    const text = await scrape(metricsUrl);
    expect(series(text, 'moviebot_job_duration_seconds_count', { queue: 'recompute-user', outcome: 'completed' })).toBe(2);
    expect(series(text, 'moviebot_job_duration_seconds_sum', { queue: 'recompute-user', outcome: 'completed' })).toBeGreaterThan(0);
    expect(series(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    // Only /metrics is served there.
    expect((await fetch(`http://127.0.0.1:${port}/admin/queues`)).status).toBe(404);
  }, 120_000);

  it('the web server shows recommend latency, ready-list hits and misses and queue depth; a bot-only process serves the same on METRICS_PORT', async () => {
    const metricsPort = await freePort();
    const token = 'e2e-admin-token-0123456789abcdef';
    const { product, config } = await openServing({ PORT: '0', HOST: '127.0.0.1', METRICS_PORT: String(metricsPort), ADMIN_TOKEN: token });
    const web = await startWeb(config, silentLogger, async () => ({ ok: true }) as never, product);
    later(() => web.close());
    const bot = (await startMetricsServer(config, silentLogger, product.metrics))!;
    later(() => bot.close());

    // Written past the use cases, so no recompute job races the lookups below.
    const identity = { platform: 'discord' as const, platformUserId: 'metrics-val' };
    const userId = await repos.accounts.resolveUser(identity);
    for (const id of [1, 2571, 4993]) await repos.favorites.add(userId, id);
    const before = await scrape(`${web.url}/metrics`);
    expect(series(before, 'moviebot_ready_list_misses_total')).toBe(0);

    await recommend(product.deps, identity, { k: 5 }); // no ready list yet: folded in, and stored
    await recommend(product.deps, identity, { k: 5 }); // from the ready list
    await recommend(product.deps, identity, { k: 5, seen: [1] }); // a custom request: always folded in, no lookup
    for (const url of [`${web.url}/metrics`, `http://127.0.0.1:${bot.port}/metrics`]) {
      const text = await scrape(url);
      expect(series(text, 'moviebot_ready_list_misses_total'), url).toBe(1);
      expect(series(text, 'moviebot_ready_list_hits_total'), url).toBe(1);
      expect(series(text, 'moviebot_recommend_seconds_count', { source: 'ready' }), url).toBe(1);
      expect(series(text, 'moviebot_recommend_seconds_count', { source: 'fold-in' }), url).toBe(2);
      expect(series(text, 'moviebot_recommend_seconds_sum', { source: 'fold-in' }), url).toBeGreaterThan(0);
    }

    // Depth is reported by the web process, read from this Redis: a delayed (debounced) job shows up.
    await product.jobs.enqueue('recompute-server', { communityId: 424242 }, { debounceKey: 'metrics', debounceMs: 60_000 });
    const text = await scrape(`${web.url}/metrics`);
    for (const queue of JOB_NAMES)
      for (const state of QUEUE_STATES) expect(series(text, 'moviebot_queue_jobs', { queue, state }), `${queue} ${state}`).toBeTypeOf('number');
    expect(series(text, 'moviebot_queue_jobs', { queue: 'recompute-server', state: 'delayed' })).toBe(1);
    expect(series(text, 'moviebot_queue_jobs_readable')).toBe(1);

    // ADMIN_TOKEN opens the queue dashboard on the same web server, over these queues.
    expect((await fetch(`${web.url}/admin/queues/api/queues`)).status).toBe(401);
    const board = await fetch(`${web.url}/admin/queues/api/queues`, { headers: { authorization: `Bearer ${token}` } });
    expect(board.status).toBe(200);
    const queues = ((await board.json()) as { queues: { name: string; counts: Record<string, number> }[] }).queues;
    expect(queues.map((q) => q.name).sort()).toEqual([...JOB_NAMES].sort());
    expect(queues.find((q) => q.name === 'recompute-server')!.counts.delayed).toBe(1);
  }, 120_000);
});

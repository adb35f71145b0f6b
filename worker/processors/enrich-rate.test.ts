/**
 * The enrich queue's rate: all BullMQ workers together (two worker sets on
 * one queue, each process with its own TMDB client) and the in-process
 * runner stay below TMDB's ~40 requests/s while a refresh works through a
 * batch of films.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JOB_NAMES, type CommunityDeps, type JobQueue, type Processors } from '../../core/index.ts';
import { BullmqQueue, createRepositories, InProcessQueue, TmdbClient, type Repositories } from '../../core/wiring.ts';
import { FakeTmdb, syntheticMovies } from '../../test/support/fake-tmdb.ts';
import { freshPglite, silentLogger, type TestDatabase } from '../../test/support/databases.ts';
import { TEST_REDIS_URL } from '../../test/support/redis-server.ts';
import { startBullmqWorkers } from '../bullmq-worker.ts';
import { createProcessors } from './index.ts';

const FILMS = 100;
const FIRST_TMDB_ID = 5_000_000;

/** The most requests that arrived within any one second. */
function peakPerSecond(times: number[]): number {
  const t = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= 1_000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

describe('the enrich rate', () => {
  let fake: FakeTmdb;
  let db: TestDatabase;
  let repos: Repositories;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeEach(async () => {
    fake = new FakeTmdb(syntheticMovies(FILMS, '2020-01-01', '2020-12-31', FIRST_TMDB_ID));
    await fake.start();
    db = await freshPglite();
    repos = createRepositories(db.database.db);
    await db.database.sql.query(
      `INSERT INTO movies (id, title, year, tmdb_id) SELECT 1000 + n, 'Synthetic Film ' || (n + 1), 2020, $1::int + n FROM generate_series(0, $2::int - 1) AS n`,
      [FIRST_TMDB_ID, FILMS],
    );
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
    await fake.stop();
    await db.drop();
  });

  const processorsOf = (queue: () => JobQueue): Processors =>
    createProcessors({
      deps: {} as CommunityDeps,
      tmdb: {
        // A client per process, as each worker process has.
        source: new TmdbClient({ apiUrl: fake.apiUrl, apiKey: fake.apiKey }),
        movieDetails: repos.movieDetails,
        additions: repos.catalogAdditions,
        catalogStore: repos.catalog,
        defaultRegion: 'US',
        queue,
      },
    });

  const allFetched = () =>
    vi.waitFor(
      async () => {
        const [row] = await db.database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM movie_details WHERE fetched_at IS NOT NULL');
        expect(row?.n).toBe(FILMS);
      },
      { timeout: 60_000, interval: 100 },
    );

  it('two BullMQ worker processes together stay near BullMQ’s limit of 20 a second, far below TMDB’s 40', async () => {
    const prefix = `test-${randomUUID()}`;
    const producer = new Redis(TEST_REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    await new Promise((resolve) => producer.once('ready', resolve));
    const queue = new BullmqQueue(producer, prefix, {});
    cleanups.push(async () => {
      for (const name of JOB_NAMES) await queue.queue(name).obliterate({ force: true });
      await queue.close();
      await producer.quit();
    });
    for (let i = 0; i < 2; i++) {
      const workers = startBullmqWorkers(
        processorsOf(() => queue),
        { prefix, logger: silentLogger, connect: () => new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null }) },
      );
      cleanups.push(() => workers.close());
    }
    await queue.enqueue('enrich', { due: 'manual' });
    await allFetched();
    const peak = peakPerSecond(fake.requests.map((r) => r.at));
    console.log(`[enrich rate] BullMQ, 2 workers, ${FILMS} films: peak ${peak} requests in a second`);
    expect(fake.count('movie/')).toBe(FILMS);
    expect(peak).toBeLessThanOrEqual(28);
  }, 90_000);

  it('the in-process runner stays at its client’s 30 a second', async () => {
    const queue: InProcessQueue = new InProcessQueue(processorsOf(() => queue));
    cleanups.push(() => queue.close());
    await queue.enqueue('enrich', { due: 'manual' });
    await allFetched();
    const peak = peakPerSecond(fake.requests.map((r) => r.at));
    console.log(`[enrich rate] in-process, ${FILMS} films: peak ${peak} requests in a second`);
    expect(peak).toBeLessThanOrEqual(36);
  }, 90_000);
});

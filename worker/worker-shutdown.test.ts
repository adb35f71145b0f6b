import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { JOB_NAMES, type Processors } from '../core/index.ts';
import { BullmqQueue } from '../core/wiring.ts';
import { silentLogger } from '../test/support/databases.ts';
import { startBullmqWorkers } from './bullmq-worker.ts';
import { TEST_REDIS_URL } from '../test/support/redis-server.ts';

const idle: Processors = {
  'recompute-user': async () => {},
  'recompute-server': async () => {},
  retrain: async () => {},
  import: async () => {},
  enrich: async () => {},
  'catalog-sync': async () => {},
};

describe('worker shutdown', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  });

  it('a job that never ends does not hold close() past its timeout, and another worker runs it again', async () => {
    const prefix = `test-${randomUUID()}`;
    const producer = new Redis(TEST_REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    await new Promise((resolve) => producer.once('ready', resolve));
    const queue = new BullmqQueue(producer, prefix);
    cleanups.push(async () => producer.quit());
    cleanups.push(async () => queue.close());
    cleanups.push(async () => {
      for (const name of JOB_NAMES) await queue.queue(name).obliterate({ force: true });
    });
    const connect = () => new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });

    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const stuck = startBullmqWorkers(
      { ...idle, 'recompute-user': () => (started(), new Promise<void>(() => {})) },
      { prefix, logger: silentLogger, connect, closeTimeoutMs: 500 },
    );
    await queue.enqueue('recompute-user', { userId: 7 });
    await running;

    const t0 = performance.now();
    await stuck.close();
    const closeMs = performance.now() - t0;
    expect(closeMs).toBeLessThan(2_000);
    expect(closeMs).toBeGreaterThanOrEqual(450);

    // The job was not lost with the worker: once its lock expires it is stalled and runs elsewhere.
    const ran: number[] = [];
    const other = startBullmqWorkers({ ...idle, 'recompute-user': async ({ userId }) => void ran.push(userId) }, { prefix, logger: silentLogger, connect });
    cleanups.push(() => other.close());
    const end = Date.now() + 25_000;
    while (ran.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(ran).toEqual([7]);
    const counts = await queue.queue('recompute-user').getJobCounts('completed', 'failed', 'active', 'wait');
    expect(counts).toMatchObject({ completed: 1, failed: 0, active: 0, wait: 0 });
  }, 40_000);

  it('a worker with nothing running closes at once', async () => {
    const prefix = `test-${randomUUID()}`;
    const workers = startBullmqWorkers(idle, {
      prefix,
      logger: silentLogger,
      connect: () => new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null }),
      closeTimeoutMs: 10_000,
    });
    await new Promise((r) => setTimeout(r, 200));
    const t0 = performance.now();
    await workers.close();
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

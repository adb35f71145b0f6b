import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BadJobError, BullmqQueue, InProcessQueue, JOB_NAMES, type JobPayloads, type JobQueue, type Processors } from '../core/index.ts';
import { silentLogger } from '../test/support/databases.ts';
import { startBullmqWorkers } from './bullmq-worker.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Runner {
  queue: JobQueue;
  close: () => Promise<void>;
}

/** One contract, two runners: BullMQ on real Redis (a queue prefix per test) and the in-process runner. */
const RUNNERS: { name: string; start: (processors: Partial<Processors>) => Promise<Runner> }[] = [
  {
    name: 'the in-process runner',
    start: async (processors) => {
      const queue = new InProcessQueue(withDefaults(processors), { backoffMs: 50 });
      return { queue, close: () => queue.close() };
    },
  },
  {
    name: 'BullMQ on Redis',
    start: async (processors) => {
      const prefix = `test-${randomUUID()}`;
      const producer = new Redis(REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      await new Promise((resolve) => producer.once('ready', resolve));
      const queue = new BullmqQueue(producer, prefix);
      const workers = startBullmqWorkers(withDefaults(processors), { prefix, logger: silentLogger, connect: () => new Redis(REDIS_URL, { maxRetriesPerRequest: null }) });
      return {
        queue,
        close: async () => {
          await workers.close();
          for (const q of JOB_NAMES.map((name) => queue.queue(name))) await q.obliterate({ force: true }).catch(() => undefined);
          await queue.close();
          await producer.quit();
        },
      };
    },
  },
];

/** Processors a test does not give do nothing. */
const withDefaults = (given: Partial<Processors>): Processors => ({
  'recompute-user': async () => {},
  'recompute-server': async () => {},
  retrain: async () => {},
  import: async () => {},
  ...given,
});

const until = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};

describe.each(RUNNERS)('jobs on $name', ({ start }) => {
  let runner: Runner | undefined;
  afterEach(async () => {
    await runner?.close();
    runner = undefined;
  });

  it('runs a job, and a burst with one debounce key once, with the last data', async () => {
    const seen: JobPayloads['recompute-user'][] = [];
    runner = await start({ 'recompute-user': async (data) => void seen.push(data) });
    await runner.queue.enqueue('recompute-user', { userId: 1 });
    for (let i = 2; i <= 6; i++) await runner.queue.enqueue('recompute-user', { userId: i }, { debounceKey: 'u', debounceMs: 300 });
    await until(() => seen.length >= 2);
    await new Promise((r) => setTimeout(r, 600));
    expect(seen).toEqual([{ userId: 1 }, { userId: 6 }]);
  });

  it('retries a failing job with backoff, and never retries bad data', async () => {
    const calls = vi.fn();
    runner = await start({
      'recompute-user': async (data) => {
        calls(data.userId);
        if (data.userId === 0) throw new BadJobError('no user');
        if (calls.mock.calls.filter(([id]) => id === 7).length < 3) throw new Error('database blinked');
      },
    });
    await runner.queue.enqueue('recompute-user', { userId: 0 });
    await runner.queue.enqueue('recompute-user', { userId: 7 });
    await until(() => calls.mock.calls.filter(([id]) => id === 7).length >= 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.mock.calls.filter(([id]) => id === 7)).toHaveLength(3);
    expect(calls.mock.calls.filter(([id]) => id === 0)).toHaveLength(1);
  });
});

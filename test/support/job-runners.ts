import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { JOB_NAMES, type JobName, type JobQueue, type Processors } from '../../core/index.ts';
import { BullmqQueue, InProcessQueue } from '../../core/wiring.ts';
import { silentLogger } from './databases.ts';
import { startBullmqWorkers } from '../../worker/index.ts';
import { TEST_REDIS_URL } from './redis-server.ts';

export interface JobRunner {
  queue: JobQueue;
  close: () => Promise<void>;
}

/** Tries and backoff of particular jobs on either runner (default: 3 tries 50 ms apart in-process, BullMQ's defaults). */
export interface RunnerOptions {
  retries?: Partial<Record<JobName, { attempts: number; backoffMs: number }>>;
}

/**
 * The two runners every processor suite runs through: the in-process runner,
 * and BullMQ on real Redis with a queue prefix per start (closing removes its
 * queues). Processors a test does not give do nothing.
 */
export const JOB_RUNNERS: { name: string; start: (processors: Partial<Processors>, options?: RunnerOptions) => Promise<JobRunner> }[] = [
  {
    name: 'the in-process runner',
    start: async (processors, options = {}) => {
      const queue = new InProcessQueue(withDefaults(processors), { backoffMs: 50, retries: options.retries });
      return { queue, close: () => queue.close() };
    },
  },
  {
    name: 'BullMQ on Redis',
    start: async (processors, options = {}) => {
      const prefix = `test-${randomUUID()}`;
      const producer = new Redis(TEST_REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      await new Promise((resolve) => producer.once('ready', resolve));
      // BullMQ's default quick retries unless the test names its own: tests do not wait out TMDB-sized backoffs.
      const jobOptions = Object.fromEntries(
        Object.entries(options.retries ?? {}).map(([name, r]) => [name, { attempts: r.attempts, backoff: { type: 'exponential', delay: r.backoffMs } }]),
      );
      const queue = new BullmqQueue(producer, prefix, jobOptions);
      const workers = startBullmqWorkers(withDefaults(processors), {
        prefix,
        logger: silentLogger,
        connect: () => new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null }),
      });
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

function withDefaults(given: Partial<Processors>): Processors {
  return {
    'recompute-user': async () => {},
    'recompute-server': async () => {},
    retrain: async () => {},
    import: async () => {},
    enrich: async () => {},
    'catalog-sync': async () => {},
    ...given,
  };
}

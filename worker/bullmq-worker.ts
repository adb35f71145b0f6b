import { UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { BadJobError, JOB_NAMES, type Logger, type Processors } from '../core/index.ts';

export interface WorkerOptions {
  prefix?: string;
  /** Jobs run at once per queue in this process. */
  concurrency?: number;
  logger: Logger;
  /** A connection per worker (BullMQ blocks on it); must have maxRetriesPerRequest: null. */
  connect: () => Redis;
}

/**
 * The consumer side: a BullMQ worker per queue running the processors. Bad
 * job data fails at once (UnrecoverableError, no retry); anything else is
 * retried with backoff by the job's options. A job whose worker died
 * (kill -9) is stalled and picked up again by another worker.
 */
export function startBullmqWorkers(processors: Processors, options: WorkerOptions): { close: () => Promise<void> } {
  const connections: Redis[] = [];
  const workers = JOB_NAMES.map((name) => {
    const connection = options.connect();
    connections.push(connection);
    const worker = new Worker(
      name,
      async (job) => {
        try {
          await (processors[name] as (data: unknown) => Promise<void>)(job.data);
        } catch (err) {
          if (err instanceof BadJobError) throw new UnrecoverableError(err.message);
          throw err;
        }
      },
      { connection, prefix: options.prefix ?? 'moviebot', concurrency: options.concurrency ?? 4, stalledInterval: 5_000, maxStalledCount: 2 },
    );
    worker.on('error', (err) => options.logger.error({ err, queue: name }, 'worker error'));
    worker.on('failed', (job, err) => options.logger.warn({ err: err.message, queue: name, jobId: job?.id, attempts: job?.attemptsMade }, 'job failed'));
    return worker;
  });
  return {
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

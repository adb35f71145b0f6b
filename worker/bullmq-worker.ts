import { UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { BadJobError, JOB_NAMES, RetryLaterError, type JobName, type JobOutcome, type Logger, type Processors } from '../core/index.ts';

export interface WorkerOptions {
  prefix?: string;
  /** Jobs run at once per queue in this process (default: {@link CONCURRENCY}). */
  concurrency?: number;
  logger: Logger;
  /** A connection per worker (BullMQ blocks on it); must have maxRetriesPerRequest: null. */
  connect: () => Redis;
  /** Told each run's duration, failed runs included (metrics: job durations per queue). */
  onJobFinished?: (queue: JobName, seconds: number, outcome: JobOutcome) => void;
  /**
   * How long close() waits for running jobs before dropping them (default
   * 3 s, inside the role's 4.5 s shutdown): a dropped job keeps its lock
   * until it expires, then another worker runs it again.
   */
  closeTimeoutMs?: number;
}

/**
 * How long a job's lock lives without renewal: after a `kill -9` its job is
 * run again by another worker within this plus the 5 s stalled check. Short
 * for the recomputes (milliseconds of work); long for retrain and import,
 * whose CPU-heavy steps may hold the event loop between renewals; for the
 * TMDB jobs, past the longest Retry-After their client waits out itself.
 */
const LOCK_MS: Record<JobName, number> = {
  'recompute-user': 10_000,
  'recompute-server': 10_000,
  retrain: 120_000,
  import: 120_000,
  enrich: 60_000,
  'catalog-sync': 120_000,
};

/**
 * Jobs at once per queue and process. Recomputes are batched inside the
 * process (up to 32 people share a Postgres read and a Redis write): 64 in
 * flight let one batch fill while the one before waits on its round trips.
 * Retrain and import are CPU- and memory-heavy: one at a time.
 */
const CONCURRENCY: Record<JobName, number> = { 'recompute-user': 64, 'recompute-server': 4, retrain: 1, import: 1, enrich: 8, 'catalog-sync': 1 };

/**
 * Queues whose jobs BullMQ starts at most `max` of per `duration` ms across
 * every worker process (the limiter lives in Redis). An enrich job is one
 * TMDB request: 5 every 250 ms is 20 requests/s for all workers together,
 * well below TMDB's ~40/s, with room for the few a catalog-sync makes. Short
 * windows keep the bursts at their edges small.
 */
export const QUEUE_LIMITS: Partial<Record<JobName, { max: number; duration: number }>> = { enrich: { max: 5, duration: 250 } };

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
        const started = performance.now();
        let outcome: JobOutcome = 'failed';
        try {
          await (processors[name] as (data: unknown) => Promise<void>)(job.data);
          outcome = 'completed';
        } catch (err) {
          if (err instanceof BadJobError) throw new UnrecoverableError(err.message);
          if (err instanceof RetryLaterError) {
            // The whole queue waits as long as the source asked (every worker: the limit is kept in Redis); the job goes
            // back to waiting without using up an attempt.
            await worker.rateLimit(err.delayMs);
            throw Worker.RateLimitError();
          }
          throw withCause(err);
        } finally {
          options.onJobFinished?.(name, (performance.now() - started) / 1000, outcome);
        }
      },
      {
        connection,
        prefix: options.prefix ?? 'moviebot',
        concurrency: options.concurrency ?? CONCURRENCY[name],
        limiter: QUEUE_LIMITS[name],
        lockDuration: LOCK_MS[name],
        stalledInterval: 5_000,
        maxStalledCount: 2,
      },
    );
    worker.on('error', (err) => options.logger.error({ err, queue: name }, 'worker error'));
    worker.on('failed', (job, err) => options.logger.warn({ err: err.message, queue: name, jobId: job?.id, attempts: job?.attemptsMade }, 'job failed'));
    return worker;
  });
  return {
    close: async () => {
      // worker.close() waits for running jobs with no limit of its own: a stuck job must not hold shutdown.
      const ms = options.closeTimeoutMs ?? 3_000;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        Promise.all(workers.map((w) => w.close())).then(() => false),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), ms))),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        // close(true) would only return the pending close; cutting the connections stops the locks'
        // renewal instead, so the jobs are stalled and run again by another worker.
        options.logger.warn({ timeoutMs: ms }, 'jobs still running at shutdown: left to be retried by another worker');
        connections.forEach((c) => c.disconnect());
        return;
      }
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

/**
 * BullMQ keeps only an error's message as the job's failed reason: put the
 * cause first (drizzle's "Failed query: …" wraps "timeout exceeded when
 * trying to connect"), so the dashboard and logs say what went wrong.
 */
function withCause(err: unknown): unknown {
  if (!(err instanceof Error) || !(err.cause instanceof Error)) return err;
  err.message = `${err.cause.message} (${err.message.split('\n')[0]})`;
  return err;
}

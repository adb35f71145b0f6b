import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_STATES, type EnqueueOptions, type JobName, type JobPayloads, type JobQueue, type QueueCounts } from '../../domain/ports/job-queue.ts';
import { JOB_NAMES } from './job-names.ts';
import { SOURCE_RETRIES } from './source-retries.ts';

/**
 * What every job gets: retries with backoff (1, 2, 4, 8 s: a job outlives a
 * Postgres restart or failover of ~15 s), and finished jobs trimmed so Redis
 * does not grow.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { count: 1_000, age: 3_600 },
  removeOnFail: { count: 5_000, age: 7 * 24 * 3_600 },
};

/** DEFAULT_JOB_OPTIONS' tries and backoff for the jobs that call TMDB (source-retries.ts). */
export const SOURCE_JOB_OPTIONS: Partial<Record<JobName, JobsOptions>> = Object.fromEntries(
  Object.entries(SOURCE_RETRIES).map(([name, r]) => [name, { attempts: r.attempts, backoff: { type: 'exponential', delay: r.backoffMs } }]),
);

/** Raised when Redis cannot take a job right now: the user is told to try again, nothing waits. */
export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';
}

/**
 * The producer side on BullMQ: one queue per job name. The connection must
 * fail fast (no offline queue): while Redis is down `enqueue` rejects at
 * once instead of holding the caller.
 */
export class BullmqQueue implements JobQueue {
  private readonly queues: Map<JobName, Queue>;

  constructor(
    private readonly connection: Redis,
    readonly prefix = 'moviebot',
    /** Options of particular queues over DEFAULT_JOB_OPTIONS (tests pass `{}` for quick retries). */
    jobOptions: Partial<Record<JobName, JobsOptions>> = SOURCE_JOB_OPTIONS,
  ) {
    this.queues = new Map(
      JOB_NAMES.map((name) => [name, new Queue(name, { connection, prefix, defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, ...jobOptions[name] } })]),
    );
    // A queue re-emits its connection's errors (once its job scheduler is used, on every failed reconnect);
    // with no listener BullMQ prints each stack to stderr. The connection's owner logs them (createRedisClient).
    for (const queue of this.queues.values()) queue.on('error', () => {});
  }

  async enqueue<N extends JobName>(name: N, data: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    if (!this.connected) throw new QueueUnavailableError(`Redis is ${this.connection.status}`);
    const ms = options.debounceMs ?? 0;
    const debounce: JobsOptions = options.debounceKey
      ? { delay: ms, deduplication: { id: `${name}:${options.debounceKey}`, ttl: Math.max(ms, 1), extend: true, replace: true } }
      : {};
    try {
      await this.queues.get(name)!.add(name, data, debounce);
    } catch (err) {
      throw new QueueUnavailableError(`could not enqueue ${name}: ${(err as Error).message}`);
    }
  }

  /** Jobs per queue and state, read from Redis (rejects at once while Redis is down). */
  async counts(): Promise<QueueCounts> {
    if (!this.connected) throw new QueueUnavailableError(`Redis is ${this.connection.status}`);
    const counts = await Promise.all(
      JOB_NAMES.map(async (name) => {
        const n = await this.queues.get(name)!.getJobCounts(...QUEUE_STATES);
        return [name, Object.fromEntries(QUEUE_STATES.map((state) => [state, n[state] ?? 0]))] as const;
      }),
    );
    return Object.fromEntries(counts) as QueueCounts;
  }

  /** True while the connection is up (otherwise every command is refused at once). */
  get connected(): boolean {
    return this.connection.status === 'ready';
  }

  /**
   * Calls `listener` each time the connection becomes ready: at the first
   * connect and after every reconnect, when Redis may have come back without
   * its data. Returns the unsubscribe.
   */
  onReady(listener: () => void): () => void {
    this.connection.on('ready', listener);
    return () => void this.connection.off('ready', listener);
  }

  queue(name: JobName): Queue {
    return this.queues.get(name)!;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}

/** The background jobs and what each carries (ids only: the stores hold the rest). */
export interface JobPayloads {
  /** Remake one person's ready list after their taste changed. */
  'recompute-user': { userId: number };
  /** Remake one community's group pick and taste trends after a member's taste or the membership changed. */
  'recompute-server': { communityId: number };
  /** Train a model on MovieLens plus the community's favourites and feedback; promote it if it is not worse. */
  retrain: { reason: 'scheduled' | 'manual' };
  /** Import a MovieLens folder into the database. */
  import: { source: string };
  /**
   * Fetch one film from TMDB (details, trailer, and the providers of the
   * regions stored for it, the default one and `regions`); or, with `due`,
   * the films whose stored TMDB data is due for a refresh (one job each).
   */
  enrich: { movieId: number; regions?: string[] } | { due: 'scheduled' | 'manual' };
  /** Add the recent and trending TMDB films the catalog lacks. */
  'catalog-sync': { reason: 'scheduled' | 'manual' };
}

export type JobName = keyof JobPayloads;

export interface EnqueueOptions {
  /**
   * Jobs with the same key within `debounceMs` become one, run once after
   * the last of them: a burst of clicks is one recompute.
   */
  debounceKey?: string;
  debounceMs?: number;
}

/**
 * Where producers put work: BullMQ on Redis when REDIS_URL is set, an
 * in-process runner otherwise. Fails fast (QueueUnavailableError) when it
 * cannot take the job, so a producer can tell the user to try again.
 */
export interface JobQueue {
  enqueue<N extends JobName>(name: N, data: JobPayloads[N], options?: EnqueueOptions): Promise<void>;
  /** Jobs per queue and state right now, for operators (queue depth on /metrics). */
  counts?(): Promise<QueueCounts>;
  close(): Promise<void>;
}

/** The states a queue's depth is reported in (BullMQ's names; `failed` counts failed jobs still kept). */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];
export type QueueCounts = Record<JobName, Record<QueueState, number>>;
/** How one run of a job ended (a failed run may be retried). */
export type JobOutcome = 'completed' | 'failed';

/** A job's processor: idempotent (a job may run twice), throws BadJobError for data that can never succeed. */
export type Processor<N extends JobName> = (data: JobPayloads[N]) => Promise<void>;
export type Processors = { [N in JobName]: Processor<N> };

/** Job data that cannot succeed however often it is retried. */
export class BadJobError extends Error {
  override readonly name = 'BadJobError';
}

/**
 * The job can succeed, but not before `delayMs`: a source asked to be left
 * alone that long (an HTTP 429 with Retry-After). The runner waits at least
 * that long before the next try (BullMQ pauses the job's whole queue), and
 * the wait does not use up one of the job's attempts.
 */
export class RetryLaterError extends Error {
  override readonly name = 'RetryLaterError';
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}

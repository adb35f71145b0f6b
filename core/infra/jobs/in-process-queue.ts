import {
  BadJobError,
  RetryLaterError,
  type EnqueueOptions,
  type JobName,
  type JobOutcome,
  type JobPayloads,
  type JobQueue,
  type Processors,
  type QueueCounts,
  type QueueState,
} from '../../domain/ports/job-queue.ts';
import { JOB_NAMES } from './job-names.ts';

export interface InProcessQueueOptions {
  /** Tries per job (the first run included). */
  attempts?: number;
  /** Backoff before retry n is backoffMs · 2^(n-1). */
  backoffMs?: number;
  /** Tries and backoff of particular jobs, instead of the two above (jobs that wait out a source's outage). */
  retries?: Partial<Record<JobName, { attempts: number; backoffMs: number }>>;
  onFailed?: (name: JobName, data: unknown, err: unknown) => void;
  /** Told each run's duration, failed runs included (metrics: job durations per queue). */
  onJobFinished?: (name: JobName, seconds: number, outcome: JobOutcome) => void;
}

/**
 * The embedded job runner (no REDIS_URL): the same processors as the
 * BullMQ worker, run one job at a time in this process, with the same
 * debounce, retries with backoff, waits a source asked for (RetryLaterError)
 * and no retry for bad data. Jobs live in
 * memory: the stores are the source of truth, so a job lost with the
 * process costs only a recompute the next answer does on the spot.
 */
export class InProcessQueue implements JobQueue {
  private readonly debounced = new Map<string, NodeJS.Timeout>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  /** What {@link counts} reports: jobs on the chain, running, on a timer (debounce or backoff), failed for good since start. */
  private readonly tally = Object.fromEntries(JOB_NAMES.map((name) => [name, { waiting: 0, active: 0, delayed: 0, failed: 0 }])) as QueueCounts;

  constructor(
    private readonly processors: Processors,
    private readonly options: InProcessQueueOptions = {},
  ) {}

  async enqueue<N extends JobName>(name: N, data: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    if (this.closed) throw new Error('the job queue is closed');
    if (options.debounceKey === undefined) return void this.schedule(name, data, 1, 0);
    const key = `${name}:${options.debounceKey}`;
    const replaced = this.debounced.get(key);
    if (replaced) this.timers.delete(replaced);
    else this.count(name, 'delayed', 1);
    clearTimeout(replaced);
    const timer = setTimeout(() => {
      this.debounced.delete(key);
      this.timers.delete(timer);
      this.count(name, 'delayed', -1);
      this.run(name, data, 1);
    }, options.debounceMs ?? 0);
    this.debounced.set(key, timer);
    this.timers.add(timer);
  }

  /** Stops taking jobs and waits for the one running (pending timers are dropped). */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.debounced.clear();
    for (const name of JOB_NAMES) this.tally[name].delayed = 0;
    await this.chain;
  }

  private schedule<N extends JobName>(name: N, data: JobPayloads[N], attempt: number, delayMs: number): void {
    if (delayMs === 0) return this.run(name, data, attempt);
    this.count(name, 'delayed', 1);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.count(name, 'delayed', -1);
      this.run(name, data, attempt);
    }, delayMs);
    this.timers.add(timer);
  }

  private run<N extends JobName>(name: N, data: JobPayloads[N], attempt: number): void {
    if (this.closed) return;
    this.count(name, 'waiting', 1);
    this.chain = this.chain.then(async () => {
      // Jobs share the event loop with answers: let waiting interactions go first.
      await new Promise((resolve) => setImmediate(resolve));
      this.count(name, 'waiting', -1);
      if (this.closed) return;
      this.count(name, 'active', 1);
      const started = performance.now();
      let failure: { err: unknown } | undefined;
      try {
        await (this.processors[name] as (d: JobPayloads[N]) => Promise<void>)(data);
      } catch (err) {
        failure = { err };
      }
      this.count(name, 'active', -1);
      this.options.onJobFinished?.(name, (performance.now() - started) / 1000, failure ? 'failed' : 'completed');
      if (!failure) return;
      const own = this.options.retries?.[name];
      const backoff = (own?.backoffMs ?? this.options.backoffMs ?? 500) * 2 ** (attempt - 1);
      // The source named its wait: honoured, and the same attempt is tried again (as BullMQ does after a rate limit).
      if (failure.err instanceof RetryLaterError) return this.schedule(name, data, attempt, Math.max(failure.err.delayMs, backoff));
      const attempts = own?.attempts ?? this.options.attempts ?? 3;
      if (failure.err instanceof BadJobError || attempt >= attempts) {
        this.count(name, 'failed', 1);
        return this.options.onFailed?.(name, data, failure.err);
      }
      this.schedule(name, data, attempt + 1, backoff);
    });
  }

  /** Jobs per queue and state right now (the runner's own tally; nothing is kept after a restart). */
  async counts(): Promise<QueueCounts> {
    return Object.fromEntries(JOB_NAMES.map((name) => [name, { ...this.tally[name] }])) as QueueCounts;
  }

  private count(name: JobName, state: QueueState, delta: number): void {
    this.tally[name][state] += delta;
  }
}

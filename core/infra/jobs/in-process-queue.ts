import { BadJobError, type EnqueueOptions, type JobName, type JobPayloads, type JobQueue, type Processors } from '../../domain/ports/job-queue.ts';

export interface InProcessQueueOptions {
  /** Tries per job (the first run included). */
  attempts?: number;
  /** Backoff before retry n is backoffMs · 2^(n-1). */
  backoffMs?: number;
  onFailed?: (name: JobName, data: unknown, err: unknown) => void;
}

/**
 * The embedded job runner (no REDIS_URL): the same processors as the
 * BullMQ worker, run one job at a time in this process, with the same
 * debounce, retries with backoff and no retry for bad data. Jobs live in
 * memory: the stores are the source of truth, so a job lost with the
 * process costs only a recompute the next answer does on the spot.
 */
export class InProcessQueue implements JobQueue {
  private readonly debounced = new Map<string, NodeJS.Timeout>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly processors: Processors,
    private readonly options: InProcessQueueOptions = {},
  ) {}

  async enqueue<N extends JobName>(name: N, data: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    if (this.closed) throw new Error('the job queue is closed');
    if (options.debounceKey === undefined) return void this.schedule(name, data, 1, 0);
    const key = `${name}:${options.debounceKey}`;
    clearTimeout(this.debounced.get(key));
    const timer = setTimeout(() => {
      this.debounced.delete(key);
      this.timers.delete(timer);
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
    await this.chain;
  }

  private schedule<N extends JobName>(name: N, data: JobPayloads[N], attempt: number, delayMs: number): void {
    if (delayMs === 0) return this.run(name, data, attempt);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.run(name, data, attempt);
    }, delayMs);
    this.timers.add(timer);
  }

  private run<N extends JobName>(name: N, data: JobPayloads[N], attempt: number): void {
    if (this.closed) return;
    this.chain = this.chain.then(async () => {
      // Jobs share the event loop with answers: let waiting interactions go first.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.closed) return;
      try {
        await (this.processors[name] as (d: JobPayloads[N]) => Promise<void>)(data);
      } catch (err) {
        const attempts = this.options.attempts ?? 3;
        if (err instanceof BadJobError || attempt >= attempts) return this.options.onFailed?.(name, data, err);
        this.schedule(name, data, attempt + 1, (this.options.backoffMs ?? 500) * 2 ** (attempt - 1));
      }
    });
  }
}

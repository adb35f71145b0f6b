import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { QUEUE_STATES, type JobName, type JobOutcome, type QueueCounts } from '../../domain/ports/job-queue.ts';
import type { RecommendSource, UseCaseObserver } from '../../domain/ports/use-case-observer.ts';

/** A scrape must not hang on a Redis that accepts connections but does not answer. */
const COUNTS_TIMEOUT_MS = 2_000;

/**
 * The process's Prometheus registry (one per process, made with the product)
 * and the metrics every role shares: job durations where jobs run,
 * recommend latency and ready-list hits where answers are made, queue depth
 * where {@link watchQueues} was called (the web process), plus Node's
 * default process metrics. Each role serves {@link render} on /metrics.
 */
export class Metrics implements UseCaseObserver {
  readonly registry = new Registry();
  private readonly jobSeconds: Histogram<'queue' | 'outcome'>;
  private readonly recommendSeconds: Histogram<'source'>;
  private readonly readyHits: Counter;
  private readonly readyMisses: Counter;
  private depthSource: (() => Promise<QueueCounts>) | undefined;
  private pendingCounts: Promise<QueueCounts | null> | undefined;

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    this.jobSeconds = new Histogram({
      name: 'moviebot_job_duration_seconds',
      help: 'Time one run of a job took, by queue and outcome (observed where it ran: a BullMQ worker or the in-process runner).',
      labelNames: ['queue', 'outcome'],
      // Recomputes take milliseconds, a retrain minutes.
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5, 30, 120, 600],
      registers,
    });
    this.recommendSeconds = new Histogram({
      name: 'moviebot_recommend_seconds',
      help: 'Time to make a recommendation answer, by source: the ready list or a fold-in on the spot.',
      labelNames: ['source'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    });
    this.readyHits = new Counter({ name: 'moviebot_ready_list_hits_total', help: 'Recommendation requests answered from a ready list.', registers });
    this.readyMisses = new Counter({
      name: 'moviebot_ready_list_misses_total',
      help: 'Recommendation requests that found no ready list (folded in on the spot).',
      registers,
    });
    // prom-client calls collect() with the gauge as `this`; this reaches the queues.
    const queueCounts = () => this.queueCounts();
    new Gauge({
      name: 'moviebot_queue_jobs',
      help: 'Jobs per queue and state (waiting, active, delayed, failed), read at scrape time.',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        const counts = await queueCounts();
        if (!counts) return;
        for (const [queue, states] of Object.entries(counts)) for (const state of QUEUE_STATES) this.set({ queue, state }, states[state]);
      },
    });
  }

  /** Report these queues' depth on every scrape (the web process: one reporter, so depths are not counted once per process). */
  watchQueues(counts: () => Promise<QueueCounts>): void {
    if (!this.depthSource) {
      const queueCounts = () => this.queueCounts();
      // Only where depth is reported: elsewhere a 0 would read as "Redis down".
      new Gauge({
        name: 'moviebot_queue_jobs_readable',
        help: '1 when the queue depth could be read at this scrape, 0 when not (Redis down).',
        registers: [this.registry],
        async collect() {
          this.set((await queueCounts()) ? 1 : 0);
        },
      });
    }
    this.depthSource = counts;
  }

  /** The counts of this scrape: both queue gauges are collected at once and share one read. */
  private queueCounts(): Promise<QueueCounts | null> {
    if (!this.depthSource) return Promise.resolve(null);
    this.pendingCounts ??= this.readCounts(this.depthSource).finally(() => (this.pendingCounts = undefined));
    return this.pendingCounts;
  }

  private async readCounts(source: () => Promise<QueueCounts>): Promise<QueueCounts | null> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('queue counts timed out')), COUNTS_TIMEOUT_MS)));
      return await Promise.race([source(), timeout]);
    } catch {
      // Redis down: the other metrics are still worth scraping; moviebot_queue_jobs_readable says depth is missing.
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /** One run of a job finished (a BullMQ worker's or the in-process runner's hook). */
  readonly jobFinished = (queue: JobName, seconds: number, outcome: JobOutcome): void => {
    this.jobSeconds.observe({ queue, outcome }, seconds);
  };

  /** The recommend use case answered (its {@link UseCaseObserver} hook). */
  recommended(seconds: number, source: RecommendSource): void {
    this.recommendSeconds.observe({ source }, seconds);
  }

  /** A ready-list lookup (the metering cache's hook). */
  readonly readyListLookup = (hit: boolean): void => {
    (hit ? this.readyHits : this.readyMisses).inc();
  };

  /** The Prometheus text of every metric in this registry. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

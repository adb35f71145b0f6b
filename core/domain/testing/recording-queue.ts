import type { EnqueueOptions, JobName, JobPayloads, JobQueue } from '../ports/job-queue.ts';

/** A job queue that runs nothing and keeps what was queued, for tests of what a write sets in motion. */
export class RecordingQueue implements JobQueue {
  readonly queued: { name: JobName; data: JobPayloads[JobName]; options?: EnqueueOptions }[] = [];
  /** Set to make every enqueue fail (a queue that cannot take work). */
  failWith: Error | null = null;

  async enqueue<N extends JobName>(name: N, data: JobPayloads[N], options?: EnqueueOptions): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.queued.push({ name, data, options });
  }

  /** The queued jobs of one kind, their payloads in order. */
  of<N extends JobName>(name: N): JobPayloads[N][] {
    return this.queued.filter((job) => job.name === name).map((job) => job.data as JobPayloads[N]);
  }

  async close(): Promise<void> {}
}

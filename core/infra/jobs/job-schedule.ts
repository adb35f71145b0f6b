import type { JobState } from 'bullmq';
import type { JobName, JobPayloads } from '../../domain/ports/job-queue.ts';
import type { BullmqQueue } from './bullmq-queue.ts';

/** What {@link keepJobScheduled} found and did (the same answers as scheduleRetrain's). */
export type JobScheduleOutcome = 'kept' | 'created' | 'changed' | 'repaired' | 'removed' | 'off';

/** States of a scheduler's next job that will still run it. */
const PENDING: ReadonlySet<JobState | 'unknown'> = new Set(['delayed', 'waiting', 'prioritized', 'active', 'waiting-children']);

/**
 * Makes the BullMQ job scheduler `schedulerId` on `name`'s queue run `data`
 * at each occurrence of the cron `pattern`, or removes it when `pattern` is
 * null; safe from every worker, as often as wanted. Writes only when the
 * schedule is missing, differs or lost its next job, for the reason
 * scheduleRetrain gives: an upsert drops the pending occurrence.
 */
export async function keepJobScheduled<N extends JobName>(
  jobs: BullmqQueue,
  name: N,
  schedulerId: string,
  pattern: string | null,
  data: JobPayloads[N],
): Promise<JobScheduleOutcome> {
  const queue = jobs.queue(name);
  const current = await queue.getJobScheduler(schedulerId);
  if (pattern === null) {
    if (!current) return 'off';
    await queue.removeJobScheduler(schedulerId);
    return 'removed';
  }
  const samePattern = current?.pattern === pattern;
  if (samePattern && current.next !== undefined && PENDING.has(await queue.getJobState(`repeat:${schedulerId}:${current.next}`))) return 'kept';
  await queue.upsertJobScheduler(schedulerId, { pattern }, { name, data });
  if (!current) return 'created';
  return samePattern ? 'repaired' : 'changed';
}

import type { JobState } from 'bullmq';
import type { BullmqQueue } from './bullmq-queue.ts';

/** The scheduler's id: one per prefix, however many workers upsert it. */
export const RETRAIN_SCHEDULER_ID = 'nightly-retrain';

/**
 * What {@link scheduleRetrain} found and did: `kept` (already scheduled as
 * asked, nothing written), `created` (there was no schedule: first start, or
 * Redis lost its data), `changed` (another cron), `repaired` (same cron but
 * its next job was gone), `removed` (RETRAIN_CRON=off), `off` (off and none).
 */
export type RetrainScheduleOutcome = 'kept' | 'created' | 'changed' | 'repaired' | 'removed' | 'off';

/** States of a scheduler's next job that will still run it. */
const PENDING: ReadonlySet<JobState | 'unknown'> = new Set(['delayed', 'waiting', 'prioritized', 'active', 'waiting-children']);

/**
 * Makes BullMQ's job scheduler match `cron` (e.g. "0 3 * * *"), or removes
 * it when `cron` is null; safe to call from every worker, as often as wanted.
 * It writes only when the schedule is missing or differs: upserting a
 * pattern scheduler recomputes its next run from now and drops the pending
 * one, so an upsert made after a tick whose job no worker has taken yet
 * would skip that night's retrain. Two processes writing at once still
 * leave one scheduler and one next job (the upsert replaces the job of the
 * same id).
 */
export async function scheduleRetrain(jobs: BullmqQueue, cron: string | null): Promise<RetrainScheduleOutcome> {
  const queue = jobs.queue('retrain');
  const current = await queue.getJobScheduler(RETRAIN_SCHEDULER_ID);
  if (cron === null) {
    if (!current) return 'off';
    await queue.removeJobScheduler(RETRAIN_SCHEDULER_ID);
    return 'removed';
  }
  const samePattern = current?.pattern === cron;
  if (samePattern && current.next !== undefined && PENDING.has(await queue.getJobState(`repeat:${RETRAIN_SCHEDULER_ID}:${current.next}`))) return 'kept';
  await queue.upsertJobScheduler(RETRAIN_SCHEDULER_ID, { pattern: cron }, { name: 'retrain', data: { reason: 'scheduled' } });
  if (!current) return 'created';
  return samePattern ? 'repaired' : 'changed';
}

import type { BullmqQueue } from './bullmq-queue.ts';

/** The scheduler's id: one per prefix, however many workers upsert it. */
export const RETRAIN_SCHEDULER_ID = 'nightly-retrain';

/**
 * Schedules `retrain` on BullMQ's job scheduler (`cron`, e.g. "0 3 * * *"),
 * or removes the schedule when `cron` is null. Upserting is idempotent, so
 * every worker process may call it at start; the retrain itself skips when
 * nothing changed since the active model was trained.
 */
export async function scheduleRetrain(jobs: BullmqQueue, cron: string | null): Promise<void> {
  const queue = jobs.queue('retrain');
  if (cron === null) {
    await queue.removeJobScheduler(RETRAIN_SCHEDULER_ID);
    return;
  }
  await queue.upsertJobScheduler(RETRAIN_SCHEDULER_ID, { pattern: cron }, { name: 'retrain', data: { reason: 'scheduled' } });
}

import { personalListChangedFor, type TasteChange } from '../events/taste-changes.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import { queueRecomputeUser, type WarnLog } from './recompute-jobs.ts';

/**
 * A 👍/👎, a favourite added or removed, a film marked seen or unmarked,
 * the watchlist changed, an export imported, or two linked accounts merged
 * or split: the person's ready list is remade in the background
 * (recompute-user), so their next /recommend is answered without a fold-in.
 *
 * Why this is correct:
 * - The use case stored the taste and dropped the ready list before
 *   announcing, so until the job has run the next answer folds in on the
 *   spot from the new taste; a job that never runs costs only that.
 * - A burst of clicks is one job: the queue debounces per person
 *   (RECOMPUTE_DEBOUNCE_MS) and runs it after the last click. An import
 *   is announced once for everything it stored (`taste-imported`), so it
 *   queues one job however many rows it held.
 * - The job takes the list's token before reading the taste and stores the
 *   list only if the token is unchanged (compare-and-set in the
 *   recommendation cache): a click that lands while it runs drops the list
 *   again, so the job's now-old list is refused, and that click's own
 *   announcement queues the next job.
 * - A redelivered click (`recorded: false`) or a favourite that already was
 *   one announces nothing, so nothing is queued; a job run twice stores the
 *   same list.
 */
export function recomputePersonWhenTasteChanges({ jobs, log }: { jobs: JobQueue; log: WarnLog }) {
  return (change: TasteChange): void => {
    for (const userId of personalListChangedFor(change)) queueRecomputeUser(jobs, log, userId);
  };
}

import type { TasteChange } from '../events/taste-changes.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { WarnLog } from './recompute-jobs.ts';

/** Cards of one film shown within this window are one fetch. */
export const ENRICH_DEBOUNCE_MS = 2_000;

/**
 * A card showed a film whose TMDB data is missing, stale or lacks the card's
 * region: the film is fetched in the background (enrich), so its next card is
 * complete. The card itself never waits for TMDB.
 *
 * Why this is correct:
 * - Many people shown the same film at once (a /recommend in a busy server)
 *   are one job: the queue debounces per film.
 * - A job that cannot be queued, or that fails for good, costs nothing
 *   lasting: the film stays due, and the next card or the scheduled refresh
 *   asks again.
 * - The job is idempotent (it stores what TMDB answers, with the time), so a
 *   redelivered job only fetches the film once more.
 */
export function enrichFilmsWhenCardsAreStale({ jobs, log }: { jobs: JobQueue; log: WarnLog }) {
  return (change: TasteChange): void => {
    if (change.type !== 'movie-details-due') return;
    const { movieId, region } = change;
    jobs
      .enqueue('enrich', { movieId, regions: [region] }, { debounceKey: String(movieId), debounceMs: ENRICH_DEBOUNCE_MS })
      .catch((err: unknown) => log.warn({ err, movieId }, 'could not queue a film’s enrichment'));
  };
}

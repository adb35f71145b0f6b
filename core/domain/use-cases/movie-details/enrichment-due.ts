import { cacheLimit, DETAILS_MAX_AGE_MS, PROVIDERS_MAX_AGE_MS, RECHECK_AFTER_MS, SHOWN_WINDOW_MS } from '../../movie-details/freshness.ts';
import type { LinkedFilm, MovieDetailsStore } from '../../ports/movie-details.store.ts';

/** Films one scheduled refresh fetches at most: about ten seconds of TMDB requests. */
export const ENRICH_BATCH = 300;

/**
 * What the scheduled refresh does before fetching: deletes what is older than
 * TMDB's cache limit (so it is neither kept nor shown however long TMDB
 * stays unreachable), then lists the films to fetch now, at most `limit`:
 * films shown lately whose providers are a day old, never fetched films,
 * then films whose details are a month old (freshness.ts).
 */
export async function enrichmentDue(
  deps: { movieDetails: MovieDetailsStore; now?: () => Date },
  limit = ENRICH_BATCH,
): Promise<{ due: LinkedFilm[]; purged: { details: number; providers: number } }> {
  const now = deps.now?.() ?? new Date();
  const t = now.getTime();
  const purged = await purgeExpiredDetails({ ...deps, now: () => now });
  const due = await deps.movieDetails.due({
    fetchedBefore: new Date(t - DETAILS_MAX_AGE_MS),
    shownSince: new Date(t - SHOWN_WINDOW_MS),
    shownFetchedBefore: new Date(t - PROVIDERS_MAX_AGE_MS),
    checkedBefore: new Date(t - RECHECK_AFTER_MS),
    limit,
  });
  return { due, purged };
}

/**
 * Deletes the TMDB data fetched longer ago than TMDB's cache limit. Run by
 * every scheduled refresh, and daily even once TMDB is no longer configured,
 * so nothing an earlier configuration fetched is kept past the limit.
 */
export function purgeExpiredDetails(deps: { movieDetails: MovieDetailsStore; now?: () => Date }): Promise<{ details: number; providers: number }> {
  return deps.movieDetails.purgeFetchedBefore(cacheLimit(deps.now?.() ?? new Date()));
}

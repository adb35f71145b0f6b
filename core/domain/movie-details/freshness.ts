/**
 * How old stored TMDB data may get. One request (`movie/{id}` with videos and
 * watch providers appended) refreshes everything about a film, so "details
 * monthly, providers daily for films people are shown" is one clock per film:
 * every film is fetched again after {@link DETAILS_MAX_AGE_MS}, a film shown
 * on a card within {@link SHOWN_WINDOW_MS} after {@link PROVIDERS_MAX_AGE_MS}.
 */

const DAY = 24 * 60 * 60 * 1000;

/** Details (overview, runtime, poster, trailer) are fetched again after a month. */
export const DETAILS_MAX_AGE_MS = 30 * DAY;
/** Where a recently shown film streams changes often: fetched again after a day. */
export const PROVIDERS_MAX_AGE_MS = DAY;
/** A film counts as "shown" for this long after a card showed it. */
export const SHOWN_WINDOW_MS = 14 * DAY;
/**
 * TMDB's terms let an application keep their data for at most six months:
 * anything fetched longer ago than this is deleted (and never shown), even
 * when TMDB has been unreachable since and nothing newer could be fetched.
 */
export const CACHE_LIMIT_MS = 180 * DAY;
/** A film TMDB answered with a malformed record, or not at all, is not asked about again before this. */
export const RECHECK_AFTER_MS = DAY;
/** A card records that it showed a film at most this often per film (one write, not one per view). */
export const SHOWN_MARK_EVERY_MS = 60 * 60 * 1000;

/** What a refresh would bring a stored film, as {@link refreshDue} judges it. */
export type RefreshDue = 'missing' | 'details' | 'providers' | 'region' | null;

export interface StoredTimes {
  fetchedAt: Date | null;
  checkedAt: Date | null;
  shownAt: Date | null;
  /** False: TMDB answered that it does not know the film. */
  found: boolean;
}

/**
 * Whether a film's stored data should be fetched again now, and why: never
 * fetched, a month old, a day old while shown, or no providers stored for the
 * region a card asked for (`hasRegion` false). A film asked about within
 * {@link RECHECK_AFTER_MS} without a usable answer (not found, malformed) is
 * not due until its monthly refresh.
 */
export function refreshDue(stored: StoredTimes | null, now: Date, hasRegion = true): RefreshDue {
  const t = now.getTime();
  if (!stored) return 'missing';
  const checkedRecently = stored.checkedAt !== null && t - stored.checkedAt.getTime() < RECHECK_AFTER_MS;
  if (!stored.found) return stored.checkedAt !== null && t - stored.checkedAt.getTime() < DETAILS_MAX_AGE_MS ? null : 'missing';
  if (stored.fetchedAt === null) return checkedRecently ? null : 'missing';
  const age = t - stored.fetchedAt.getTime();
  if (age >= DETAILS_MAX_AGE_MS) return 'details';
  const shown = stored.shownAt !== null && t - stored.shownAt.getTime() < SHOWN_WINDOW_MS;
  if (shown && age >= PROVIDERS_MAX_AGE_MS) return 'providers';
  if (!hasRegion) return 'region';
  return null;
}

/** Stored data fetched before this may no longer be kept or shown (TMDB's cache limit). */
export function cacheLimit(now: Date): Date {
  return new Date(now.getTime() - CACHE_LIMIT_MS);
}

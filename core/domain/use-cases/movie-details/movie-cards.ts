import type { MovieCatalog } from '../../catalog.ts';
import { UserError } from '../../errors.ts';
import type { TasteChanges } from '../../events/taste-changes.ts';
import type { Movie } from '../../model.ts';
import { cacheLimit, refreshDue, SHOWN_MARK_EVERY_MS } from '../../movie-details/freshness.ts';
import { normalizeRegion } from '../../movie-details/regions.ts';
import type { RegionProviders } from '../../ports/movie-details.source.ts';
import type { MovieDetailsStore, StoredMovieDetails, StoredProviders } from '../../ports/movie-details.store.ts';
import { findMovie } from '../find-movie.ts';

export interface MovieCardDeps {
  catalog: MovieCatalog;
  movieDetails: MovieDetailsStore;
  /** Where a film whose stored data is missing or stale is announced (the enrichment subscriber fetches it). */
  changes?: TasteChanges;
  now?: () => Date;
}

/** A film as a card shows it: the catalog's record and what is stored from TMDB. */
export interface MovieCard {
  movie: Movie;
  overview: string | null;
  /** Minutes. */
  runtime: number | null;
  /** YYYY-MM-DD. */
  releaseDate: string | null;
  /** Combine with an ImageConfig (posterUrl). */
  posterPath: string | null;
  /** YouTube key of the official trailer. */
  trailerKey: string | null;
  /** Where it can be watched in the card's region (data from JustWatch: credit it); null when not known (yet). */
  providers: (RegionProviders & { region: string }) | null;
  /** When the TMDB data shown was fetched; null: none stored (TMDB off, not fetched yet, or unknown to TMDB). */
  fetchedAt: Date | null;
}

/**
 * The cards of these films, in this order (ids not in the catalog are left
 * out), from what is stored: never waits for TMDB. Films with a TMDB id are
 * recorded as shown (their providers are then refreshed daily), and each
 * whose stored data is missing, stale or lacks `region` is announced so it
 * is fetched in the background: the card is complete next time. Data older
 * than TMDB's cache limit is never shown. UserError INVALID_INPUT for a
 * region that is not ISO 3166-1.
 */
export async function movieCards(deps: MovieCardDeps, movieIds: readonly number[], region: string): Promise<MovieCard[]> {
  const code = normalizeRegion(region);
  if (!code) throw new UserError('INVALID_INPUT', `"${region}" is not a country code (ISO 3166-1, e.g. US, GB, DE).`);
  const now = deps.now?.() ?? new Date();
  const films = movieIds.flatMap((id) => deps.catalog.get(id) ?? []);
  const linked = films.filter((m): m is Movie & { tmdbId: number } => m.tmdbId !== null);
  const stored = await deps.movieDetails.cards(
    linked.map((m) => m.id),
    code,
  );
  const limit = cacheLimit(now);
  const unmarked = linked.filter((m) => {
    const shownAt = stored.get(m.id)?.details.shownAt;
    return !shownAt || now.getTime() - shownAt.getTime() >= SHOWN_MARK_EVERY_MS;
  });
  if (unmarked.length > 0) {
    // Best effort: a lost mark only delays the daily refresh of these films' providers until the next card.
    await deps.movieDetails
      .markShown(
        unmarked.map((m) => ({ movieId: m.id, tmdbId: m.tmdbId })),
        now,
      )
      .catch(() => undefined);
  }
  for (const m of linked) {
    const card = stored.get(m.id);
    const current = card && card.details.tmdbId === m.tmdbId ? card : undefined;
    const due = refreshDue(current ? { ...current.details, shownAt: now } : null, now, !!current?.providers && current.providers.fetchedAt >= limit);
    if (due) deps.changes?.announce({ type: 'movie-details-due', movieId: m.id, tmdbId: m.tmdbId, region: code });
  }
  return films.map((movie) => toCard(movie, stored.get(movie.id), limit));
}

/** One film's card (see {@link movieCards}); UserError MOVIE_NOT_FOUND for an id not in the catalog. */
export async function movieCard(deps: MovieCardDeps, movieId: number, region: string): Promise<MovieCard> {
  const movie = findMovie(deps.catalog, movieId);
  const [card] = await movieCards(deps, [movie.id], region);
  return card!;
}

function toCard(movie: Movie, stored: { details: StoredMovieDetails; providers: StoredProviders | null } | undefined, limit: Date): MovieCard {
  const d = stored?.details;
  // Data of another TMDB id (MovieLens's link changed since) or past the cache limit is not shown.
  const usable = d && d.found && d.fetchedAt !== null && d.fetchedAt >= limit && d.tmdbId === movie.tmdbId ? d : null;
  const p = usable && stored?.providers && stored.providers.fetchedAt >= limit ? stored.providers : null;
  return {
    movie,
    overview: usable?.overview ?? null,
    runtime: usable?.runtime ?? null,
    releaseDate: usable?.releaseDate ?? null,
    posterPath: usable?.posterPath ?? null,
    trailerKey: usable?.trailerKey ?? null,
    providers: p && { region: p.region, link: p.link, flatrate: p.flatrate, free: p.free, ads: p.ads, rent: p.rent, buy: p.buy },
    fetchedAt: usable?.fetchedAt ?? null,
  };
}

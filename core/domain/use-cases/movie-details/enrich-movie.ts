import { entryFromDetails } from '../../movie-details/catalog-entry.ts';
import { normalizeRegion } from '../../movie-details/regions.ts';
import type { CatalogAdditionStore } from '../../ports/catalog-additions.store.ts';
import type { CatalogStore } from '../../ports/catalog.store.ts';
import { MovieSourceError, type MovieDetailsSource } from '../../ports/movie-details.source.ts';
import type { MovieDetailsStore } from '../../ports/movie-details.store.ts';

export interface EnrichDeps {
  source: MovieDetailsSource;
  movieDetails: MovieDetailsStore;
  additions: CatalogAdditionStore;
  /** The catalog as stored (the process's in-memory one may not have a film another process just added). */
  catalogStore: Pick<CatalogStore, 'getMovies'>;
  /** Providers of this region are always kept (DEFAULT_REGION). */
  defaultRegion: string;
  now?: () => Date;
}

export type EnrichOutcome =
  /** Fetched and stored; `catalogChanged`: the film was added from TMDB and its catalog record was rewritten. */
  | { status: 'stored'; movieId: number; tmdbId: number; regions: string[]; catalogChanged: boolean }
  /** TMDB does not know the id: marked so, asked again at the monthly refresh. */
  | { status: 'not-found'; movieId: number; tmdbId: number }
  /** TMDB's record did not have the documented shape: skipped (nothing stored but the time), for the caller to log. */
  | { status: 'malformed'; movieId: number; tmdbId: number; reason: string }
  /** Nothing to fetch: no such film (any more), or it has no TMDB id. */
  | { status: 'no-movie' | 'no-tmdb-id'; movieId: number };

/**
 * Fetches one film from the source (one request: details, trailer and watch
 * providers) and stores it with the time, with the providers of the default
 * region, of every region stored for it before, and of `regions`. A film the
 * catalog sync added gets its catalog record (title, year, genres, IMDb id)
 * rewritten from the fetch. Idempotent. A failure to reach the source
 * (unavailable, rate-limited, a refused key) is thrown as MovieSourceError
 * for the job to retry or report; nothing is written then.
 */
export async function enrichMovie(deps: EnrichDeps, movieId: number, regions: readonly string[] = []): Promise<EnrichOutcome> {
  const [movie] = await deps.catalogStore.getMovies([movieId]);
  if (!movie) return { status: 'no-movie', movieId };
  if (movie.tmdbId === null) return { status: 'no-tmdb-id', movieId };
  const film = { movieId, tmdbId: movie.tmdbId };
  let details;
  try {
    details = await deps.source.details(movie.tmdbId);
  } catch (err) {
    if (!(err instanceof MovieSourceError) || err.kind !== 'malformed') throw err;
    await deps.movieDetails.markChecked(film, deps.now?.() ?? new Date());
    return { status: 'malformed', ...film, reason: err.message };
  }
  const at = deps.now?.() ?? new Date();
  if (!details) {
    await deps.movieDetails.markNotFound(film, at);
    return { status: 'not-found', ...film };
  }
  const wanted = [deps.defaultRegion, ...(await deps.movieDetails.regionsOf(movieId)), ...regions].flatMap((r) => normalizeRegion(r) ?? []);
  const stored = [...new Set(wanted)];
  await deps.movieDetails.saveFetched(movieId, details, stored, at);
  const catalogChanged = await deps.additions.refresh(movieId, entryFromDetails(details), at);
  return { status: 'stored', ...film, regions: stored, catalogChanged };
}

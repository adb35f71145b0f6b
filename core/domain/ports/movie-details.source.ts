/**
 * An online source of what MovieLens lacks: posters, overviews, trailers,
 * where to watch, and films newer than the dataset. TMDB implements it
 * (core/infra/tmdb); it is optional, so nothing may depend on it being there.
 * Its data is for display and discovery only, never for training the model.
 */

/** Where a film can be watched in one region: provider names, best first, per way of watching. */
export interface RegionProviders {
  /** TMDB's page listing the offers for the region (it links on to JustWatch's deep links), or null. */
  link: string | null;
  /** Included in a subscription. */
  flatrate: string[];
  free: string[];
  /** Free with advertising. */
  ads: string[];
  rent: string[];
  buy: string[];
}

/** One film as the source describes it; every optional field is null when the source has nothing usable. */
export interface MovieDetails {
  tmdbId: number;
  title: string;
  /** The title in its original language (for search); equal to `title` when the source has none. */
  originalTitle: string;
  overview: string | null;
  /** Minutes. */
  runtime: number | null;
  /** YYYY-MM-DD. */
  releaseDate: string | null;
  year: number | null;
  /** A path to combine with {@link ImageConfig} (see posterUrl), e.g. `/abc.jpg`. */
  posterPath: string | null;
  /** The source's genre names (TMDB's names, e.g. "Science Fiction", not MovieLens's "Sci-Fi"). */
  genres: string[];
  /** The IMDb number (tt0133093 → 133093), as MovieLens's links keep it. */
  imdbId: number | null;
  /** The YouTube key of the official trailer, if any. */
  trailerKey: string | null;
  /** Keyed by ISO 3166-1 region (`US`, `DE`, …); a region without offers is absent. Data from JustWatch. */
  providers: Record<string, RegionProviders>;
}

/** One film of a list (recent releases, trending). */
export interface ListedMovie {
  tmdbId: number;
  title: string;
  originalTitle: string;
  releaseDate: string | null;
  year: number | null;
  posterPath: string | null;
  overview: string | null;
  popularity: number;
  /** TMDB genre ids (names come with {@link MovieDetailsSource.details}). */
  genreIds: number[];
}

/** A record of a list that failed validation and was left out; `tmdbId` when it could be read. */
export interface SkippedRecord {
  index: number;
  tmdbId: number | null;
  reason: string;
}

/** One page of a list. Malformed records are left out and named in `skipped`, for the caller to log. */
export interface MoviePage {
  page: number;
  totalPages: number;
  totalResults: number;
  movies: ListedMovie[];
  skipped: SkippedRecord[];
}

export interface RecentQuery {
  /** First and last primary release day, YYYY-MM-DD, both included. */
  from: string;
  to: string;
  /** From 1. */
  page?: number;
  /** Most popular first (the default), or newest first. */
  order?: 'popularity' | 'newest';
}

/** A streaming or rental service offered in a region, best-known first (for choosing "my services"). */
export interface WatchProvider {
  providerId: number;
  name: string;
  logoPath: string | null;
}

/** Where images live: a base URL and the widths offered for posters (`w342`, …, `original`). */
export interface ImageConfig {
  secureBaseUrl: string;
  posterSizes: string[];
}

/** TMDB's documented image configuration, for when the source has not been asked yet or is down. */
export const DEFAULT_IMAGE_CONFIG: ImageConfig = {
  secureBaseUrl: 'https://image.tmdb.org/t/p/',
  posterSizes: ['w92', 'w154', 'w185', 'w342', 'w500', 'w780', 'original'],
};

/**
 * Why a call failed, so a background job can decide: `unauthorized` (the key
 * or token is wrong: fix the configuration, retrying will not help),
 * `rate_limited` (still over the limit after the waits allowed; try again after
 * `retryAfterMs`), `unavailable` (down, timed out, 5xx: retry later),
 * `rejected` (the source refused the request itself), `malformed` (the answer
 * did not have the documented shape: log it and skip the record).
 */
export type MovieSourceFailure = 'unauthorized' | 'rate_limited' | 'unavailable' | 'rejected' | 'malformed';

export class MovieSourceError extends Error {
  override readonly name = 'MovieSourceError';
  constructor(
    readonly kind: MovieSourceFailure,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; tmdbId?: number } = {},
  ) {
    super(message);
  }

  /** Worth trying again later (a job retries; a bad key or a bad record never gets better). */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'unavailable';
  }
}

/**
 * Movie data from an online source. Every call may fail with
 * {@link MovieSourceError}; callers on a person's path must not wait for it
 * (render what is stored, enrich in the background).
 */
export interface MovieDetailsSource {
  /** One film with its trailer and providers for every region; null when the source does not know the id. */
  details(tmdbId: number): Promise<MovieDetails | null>;
  /** Films first released between two days. */
  recent(query: RecentQuery): Promise<MoviePage>;
  /** This week's trending films. */
  trending(page?: number): Promise<MoviePage>;
  /** The services offered in a region (ISO 3166-1). */
  watchProviders(region: string): Promise<WatchProvider[]>;
  /** The image base URL and poster sizes (asked once, then remembered). */
  imageConfig(): Promise<ImageConfig>;
}

import type { MovieDetails, RegionProviders } from './movie-details.source.ts';

/**
 * What Moviebot keeps of an online source's data (TMDB), per film and per
 * region, with the time it was fetched: cards render it without waiting for
 * the source, and the `enrich` job refreshes it in the background.
 */

/** A film's stored details. Every TMDB field is null until a fetch succeeded. */
export interface StoredMovieDetails {
  movieId: number;
  tmdbId: number;
  /** False: the source answered that it does not know this id (asked again at the monthly refresh). */
  found: boolean;
  overview: string | null;
  /** Minutes. */
  runtime: number | null;
  /** YYYY-MM-DD. */
  releaseDate: string | null;
  posterPath: string | null;
  /** YouTube key of the official trailer. */
  trailerKey: string | null;
  /** When the data in this row was fetched (TMDB's cache limit counts from here); null: never. */
  fetchedAt: Date | null;
  /** When the source was last asked about the film, whatever it answered; null: never. */
  checkedAt: Date | null;
  /** When a card last showed the film; null: never. */
  shownAt: Date | null;
}

/** Where the film can be watched in one region, as fetched. Empty lists: checked, no offers there. Data from JustWatch. */
export interface StoredProviders extends RegionProviders {
  region: string;
  fetchedAt: Date;
}

/** A film and its source id, as the refresh and the cards name it. */
export interface LinkedFilm {
  movieId: number;
  tmdbId: number;
}

/** Which films {@link MovieDetailsStore.due} returns: those with a TMDB id and any of these. */
export interface DueQuery {
  /** Fetched before this (the monthly refresh)… */
  fetchedBefore: Date;
  /** …or shown since `shownSince` and fetched before `shownFetchedBefore` (the daily one for shown films)… */
  shownSince: Date;
  shownFetchedBefore: Date;
  /** …or never fetched; in every case not asked about since `checkedBefore` (a film the source failed on waits). */
  checkedBefore: Date;
  limit: number;
}

export interface MovieDetailsStore {
  /** The stored details of these films, and their providers in `region` (ISO 3166-1); films with nothing stored are absent. */
  cards(movieIds: readonly number[], region: string): Promise<Map<number, { details: StoredMovieDetails; providers: StoredProviders | null }>>;
  /** Records that cards showed these films at `at` (creates their row if none: shown before ever fetched). */
  markShown(films: readonly LinkedFilm[], at: Date): Promise<void>;
  /**
   * Stores a successful fetch: the details, and the providers of each of
   * `regions` (a region without offers is stored with empty lists: checked,
   * nothing there). Regions stored before and not named keep their rows.
   */
  saveFetched(movieId: number, details: MovieDetails, regions: readonly string[], at: Date): Promise<void>;
  /** The source does not know the film: its data and providers are dropped, and it is marked not found. */
  markNotFound(film: LinkedFilm, at: Date): Promise<void>;
  /** The source was asked and gave nothing usable (a malformed record): only the time is recorded, the data stays. */
  markChecked(film: LinkedFilm, at: Date): Promise<void>;
  /** The regions whose providers are stored for the film. */
  regionsOf(movieId: number): Promise<string[]>;
  /**
   * Films due for a refresh: shown ones first (most recently shown first),
   * then never fetched ones, then the longest unrefreshed; at most `limit`.
   */
  due(query: DueQuery): Promise<LinkedFilm[]>;
  /** Deletes everything fetched before `before` (TMDB's cache limit); how many films' and regions' rows lost their data. */
  purgeFetchedBefore(before: Date): Promise<{ details: number; providers: number }>;
}

import type { CatalogEntry } from '../movie-details/catalog-entry.ts';
import type { Movie } from '../model.ts';

/** Where the catalog sync found a film. */
export type AdditionSource = 'recent' | 'trending';

/**
 * The films added to the catalog from TMDB (newer than MovieLens), beside the
 * imported ones: they get movie ids from TMDB_MOVIE_ID_BASE up and keep
 * their TMDB id. They are kept apart so that training never reads their
 * TMDB data (see DatabaseTrainingSource).
 */
export interface CatalogAdditionStore {
  /**
   * Adds the films the catalog lacks, each once, even when two syncs run at
   * once (a film already there, by either kind of link, is skipped). Returns
   * the films added, as the catalog now holds them.
   */
  add(entries: readonly CatalogEntry[], source: AdditionSource, at: Date): Promise<Movie[]>;
  /**
   * Rewrites an added film's title, year, genres and IMDb id from a fresh
   * fetch. False (nothing written) when the film was not added from TMDB (a
   * MovieLens film keeps MovieLens's record) or nothing changed.
   */
  refresh(movieId: number, entry: CatalogEntry, at: Date): Promise<boolean>;
  /** Every added film, as the catalog holds it. */
  all(): Promise<Movie[]>;
  /** A token that changes whenever a film is added or rewritten: processes compare it to know when to reload. */
  version(): Promise<string>;
}

import type { Movie } from '../model.ts';

export interface CatalogStats {
  movies: number;
  ratings: number;
  tags: number;
}

/** Read access to the imported MovieLens catalog. */
export interface CatalogStore {
  stats(): Promise<CatalogStats>;
  /** The movies with these ids that exist, in no particular order. */
  getMovies(ids: readonly number[]): Promise<Movie[]>;
  /** The whole catalog, for the in-memory search and lookups. */
  allMovies(): Promise<Movie[]>;
  /** Positive ratings (≥ 4) per movie, for ranking search results. */
  popularity(): Promise<Map<number, number>>;
  /** Where the catalog was last imported from (a MovieLens folder), if anywhere. */
  lastImportSource(): Promise<string | null>;
}

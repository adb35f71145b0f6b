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
}

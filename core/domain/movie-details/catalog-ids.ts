/**
 * Films the catalog sync adds from TMDB get ids from here up. MovieLens
 * numbers its films from 1 and ml-32m's highest id is below 300,000, so ids
 * of ten million and more can never collide with a MovieLens release, now or
 * after a later import. They come from a database sequence (tmdb_movie_ids).
 */
export const TMDB_MOVIE_ID_BASE = 10_000_000;

/** True for an id the catalog sync gave (a film added from TMDB, not from MovieLens). */
export function isAddedFromTmdb(movieId: number): boolean {
  return movieId >= TMDB_MOVIE_ID_BASE;
}

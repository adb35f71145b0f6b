import type { MovieCatalog } from '../catalog.ts';
import { UserError } from '../errors.ts';
import type { Movie } from '../model.ts';

/** The movie with this id, or a MOVIE_NOT_FOUND the adapter can explain (e.g. a stale or forged button). */
export function findMovie(catalog: MovieCatalog, movieId: number): Movie {
  const movie = Number.isSafeInteger(movieId) ? catalog.get(movieId) : undefined;
  if (!movie) throw new UserError('MOVIE_NOT_FOUND', `There is no movie with id ${movieId} in the catalog.`, { movieId });
  return movie;
}

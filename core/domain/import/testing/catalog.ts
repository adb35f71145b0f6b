/** Test support: a small catalog with MovieLens's spelling and links. */
import { MovieCatalog } from '../../catalog.ts';
import type { Movie } from '../../model.ts';

const movie = (id: number, title: string, year: number | null, imdbId: number | null = null, tmdbId: number | null = null): Movie => ({
  id,
  title,
  year,
  genres: [],
  imdbId,
  tmdbId,
});

export const MOVIES = {
  matrix: movie(2571, 'Matrix, The', 1999, 133093, 603),
  reloaded: movie(6365, 'Matrix Reloaded, The', 2003, 234215, 604),
  amelie: movie(4973, "Amelie (Fabuleux destin d'Amélie Poulain, Le)", 2001, 211915, 194),
  starWars: movie(260, 'Star Wars: Episode IV - A New Hope', 1977, 76759, 11),
  heat: movie(6, 'Heat', 1995, 113277, 949),
  heat1972: movie(100001, 'Heat', 1972),
  titanic: movie(1721, 'Titanic', 1997, 120338, 597),
  titanic1953: movie(3404, 'Titanic', 1953, 46435, 16535),
  lock: movie(2542, 'Lock, Stock & Two Smoking Barrels', 1998, 120735, 100),
  noYear: movie(100002, 'Obscure Short', null),
} as const;

/** Popularity decides between same-titled movies: the 1997 Titanic is the better known. */
export const smallImportCatalog = new MovieCatalog(
  Object.values(MOVIES),
  new Map([
    [2571, 300],
    [6365, 100],
    [1721, 200],
    [3404, 5],
    [6, 150],
    [100001, 1],
  ]),
);

/**
 * Which catalog movie each imported film is: by IMDb or TMDB id when the
 * file has one (MovieLens's links.csv put them in the catalog), else by
 * the same normalised title and a year one off at most (festival and
 * release years differ). What matches nothing is reported by name.
 */
import type { MovieCatalog } from '../catalog.ts';
import type { Movie } from '../model.ts';
import { normalizeText } from '../search/index.ts';
import type { ImportedMovie, ImportEntry, ImportKind, ImportMatch, MovieKey, NotFound } from './types.ts';

/** Years apart an imported film and a catalog movie of the same title may be. */
export const YEAR_TOLERANCE = 1;

export type ImportCatalog = Pick<MovieCatalog, 'byImdbId' | 'byTmdbId' | 'sameTitle' | 'withSubtitle'>;

/** One movie per catalog id, what the import says about it, and the films not found. */
export function matchImport(entries: readonly ImportEntry[], catalog: ImportCatalog): ImportMatch {
  const movies = new Map<number, ImportedMovie>();
  const notFound = new Map<string, NotFound>();
  for (const entry of entries) {
    const movie = matchMovie(entry.key, catalog);
    if (!movie) {
      const { title, year } = entry.key;
      const same = `${normalizeText(title)}|${year}`;
      if (!notFound.has(same)) notFound.set(same, { title, year });
      continue;
    }
    const found: ImportedMovie = { movieId: movie.id, kind: entry.kind, ...(entry.at && { at: entry.at }) };
    const before = movies.get(movie.id);
    movies.set(movie.id, before ? stronger(before, found) : found);
  }
  return { movies: [...movies.values()], notFound: [...notFound.values()] };
}

/** The catalog movie a film is, if any. */
export function matchMovie(key: MovieKey, catalog: ImportCatalog): Movie | undefined {
  const byId = (key.imdbId !== undefined ? catalog.byImdbId(key.imdbId) : undefined) ?? (key.tmdbId !== undefined ? catalog.byTmdbId(key.tmdbId) : undefined);
  return byId ?? closestYear(catalog.sameTitle(key.title), key.year) ?? withSubtitle(key, catalog);
}

/**
 * The candidate nearest in year, within the tolerance; the earlier (better
 * known) on a tie. A film or movie without a year matches by title alone,
 * after any that have one.
 */
function closestYear(candidates: readonly Movie[], year: number | null): Movie | undefined {
  const untold = YEAR_TOLERANCE + 0.5;
  let best: Movie | undefined;
  let bestGap = Infinity;
  for (const movie of candidates) {
    const gap = year === null || movie.year === null ? untold : Math.abs(movie.year - year);
    if (gap <= untold && gap < bestGap) {
      best = movie;
      bestGap = gap;
    }
  }
  return best;
}

/**
 * Letterboxd's "Star Wars" (1977) is MovieLens's "Star Wars: Episode IV -
 * A New Hope": the title before the catalog's subtitle, in the same year
 * (±1). Only with a year: a bare short title would find too much.
 */
function withSubtitle(key: MovieKey, catalog: ImportCatalog): Movie | undefined {
  if (key.year === null) return undefined;
  return closestYear(
    catalog.withSubtitle(key.title).filter((movie) => movie.year !== null),
    key.year,
  );
}

const OPINION: Readonly<Record<ImportKind, number>> = { like: 2, dislike: 2, seen: 1, watchlist: 0 };

/**
 * Two things said about one movie (a rating and a like, or the same film
 * in watched.csv and watchlist.csv): an opinion beats "seen", which beats
 * "later". Between a 👍 and a 👎 the newer wins, and with no dates to tell,
 * the 👍 (Letterboxd counts a like as 👍 whatever the stars).
 */
export function stronger(a: ImportedMovie, b: ImportedMovie): ImportedMovie {
  if (OPINION[a.kind] !== OPINION[b.kind]) return OPINION[a.kind] > OPINION[b.kind] ? a : b;
  const [ta, tb] = [a.at?.getTime() ?? -Infinity, b.at?.getTime() ?? -Infinity];
  if (a.kind !== b.kind && ta === tb) return a.kind === 'like' ? a : b;
  return tb > ta ? b : a;
}

import type { ListedMovie, MovieDetails } from '../ports/movie-details.source.ts';

/**
 * How a film from TMDB is written into the catalog, so that it reads and
 * searches like a MovieLens film: the title spelled as MovieLens spells its
 * own (a leading English article moved to the end, an original title in
 * Latin script after it in parentheses), the year apart, and genres in
 * MovieLens's names.
 */

/** TMDB's movie genres by id, in MovieLens's names; TMDB genres MovieLens has no name for (History, TV Movie) are left out. */
const GENRES_BY_ID: ReadonlyMap<number, string> = new Map([
  [28, 'Action'],
  [12, 'Adventure'],
  [16, 'Animation'],
  [35, 'Comedy'],
  [80, 'Crime'],
  [99, 'Documentary'],
  [18, 'Drama'],
  [10751, 'Children'],
  [14, 'Fantasy'],
  [27, 'Horror'],
  [10402, 'Musical'],
  [9648, 'Mystery'],
  [10749, 'Romance'],
  [878, 'Sci-Fi'],
  [53, 'Thriller'],
  [10752, 'War'],
  [37, 'Western'],
]);

/** The same by TMDB's English names, for details (which carry names, not only ids). */
const GENRES_BY_NAME: ReadonlyMap<string, string> = new Map([
  ['Action', 'Action'],
  ['Adventure', 'Adventure'],
  ['Animation', 'Animation'],
  ['Comedy', 'Comedy'],
  ['Crime', 'Crime'],
  ['Documentary', 'Documentary'],
  ['Drama', 'Drama'],
  ['Family', 'Children'],
  ['Fantasy', 'Fantasy'],
  ['Horror', 'Horror'],
  ['Music', 'Musical'],
  ['Mystery', 'Mystery'],
  ['Romance', 'Romance'],
  ['Science Fiction', 'Sci-Fi'],
  ['Thriller', 'Thriller'],
  ['War', 'War'],
  ['Western', 'Western'],
]);

/** A film as the catalog keeps it (movies: title, year, genres, links). */
export interface CatalogEntry {
  tmdbId: number;
  title: string;
  year: number | null;
  genres: string[];
  imdbId: number | null;
}

const LEADING_ARTICLE = /^(the|a|an)\s+(.+)$/i;
const MAX_TITLE = 200;
const LATIN = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}\p{S}]+$/u;

/**
 * "The Smashing Machine" → "Smashing Machine, The"; "Amélie" with original
 * title "Le Fabuleux Destin d'Amélie Poulain" → "Amélie (Le Fabuleux Destin
 * d'Amélie Poulain)". The search finds every spelling (title-parts.ts).
 */
export function catalogTitle(title: string, originalTitle: string): string {
  // Control characters out, whitespace runs to one space, and a length no title has: a record is not trusted blindly.
  const clean = (s: string) =>
    s
      .replace(/\p{Cc}/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_TITLE);
  const main = clean(title);
  const article = LEADING_ARTICLE.exec(main);
  const spelled = article ? `${article[2]}, ${article[1]}` : main;
  const original = clean(originalTitle);
  const differs = original !== '' && original.toLowerCase() !== main.toLowerCase();
  // Parentheses inside the original would be read as a further alternative title.
  return differs && LATIN.test(original) && !/[()]/.test(original) ? `${spelled} (${original})` : spelled;
}

function genresFrom(names: Iterable<string | undefined>): string[] {
  return [...new Set([...names].filter((g): g is string => g !== undefined))];
}

/** A listed film (recent, trending) as a catalog entry; null when it has no release year to title it with. */
export function entryFromListing(movie: ListedMovie): CatalogEntry | null {
  if (movie.year === null) return null;
  return {
    tmdbId: movie.tmdbId,
    title: catalogTitle(movie.title, movie.originalTitle),
    year: movie.year,
    genres: genresFrom(movie.genreIds.map((id) => GENRES_BY_ID.get(id))),
    imdbId: null,
  };
}

/** A film's full record as a catalog entry (the refresh of a film the sync added). */
export function entryFromDetails(details: MovieDetails): CatalogEntry {
  return {
    tmdbId: details.tmdbId,
    title: catalogTitle(details.title, details.originalTitle),
    year: details.year,
    genres: genresFrom(details.genres.map((name) => GENRES_BY_NAME.get(name))),
    imdbId: details.imdbId,
  };
}

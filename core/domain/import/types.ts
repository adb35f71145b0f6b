/** What an imported file says about films, before and after matching them to the catalog. */

/** 👍, 👎, seen (no opinion, or a middling one) or "later". */
export type ImportKind = 'like' | 'dislike' | 'seen' | 'watchlist';

export type ImportFormat = 'letterboxd' | 'letterboxd-zip' | 'imdb' | 'trakt';

/** A film as the other site names it: ids when it has them, always a title to report it by. */
export interface MovieKey {
  /** IMDb's tt-number without "tt" (tt0133093 → 133093), as MovieLens's links.csv stores it. */
  imdbId?: number;
  tmdbId?: number;
  title: string;
  year: number | null;
}

/** One thing the file says about one film. */
export interface ImportEntry {
  key: MovieKey;
  kind: ImportKind;
  /** When the person said it (rated, watched, listed), if the file tells. */
  at?: Date;
}

/** An uploaded file: its name tells Letterboxd's same-columned files apart (watched, watchlist, likes). */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

/** A file read and understood, not yet matched. */
export interface ParsedImport {
  format: ImportFormat;
  entries: ImportEntry[];
  /** Rows about something other than a film (a TV series, an episode), left out. */
  skipped: number;
}

/** One catalog movie and what the import says about it (one per movie). */
export interface ImportedMovie {
  movieId: number;
  kind: ImportKind;
  at?: Date;
}

/** A film the catalog does not have, as the file names it. */
export interface NotFound {
  title: string;
  year: number | null;
}

export interface ImportMatch {
  movies: ImportedMovie[];
  /** In the order the file lists them, each once. */
  notFound: NotFound[];
}

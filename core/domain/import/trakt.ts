/**
 * Trakt's JSON export: arrays of items, each about a `movie` (or a show,
 * season, episode or person, which are left out) with `ids.imdb`
 * ("tt0133093") and `ids.tmdb`. Rated items carry `rating` 1–10, watched
 * ones `watched_at`/`last_watched_at`/`plays`, watchlist ones `listed_at`.
 * A file is one array, or an object of such arrays (several lists saved
 * together).
 */
import { emptyImport, malformedItem, tooLarge, unknownFormat } from './import-errors.ts';
import { MAX_IMPORT_ROWS } from './limits.ts';
import { fromTenPoints, isTenPoints } from './meaning.ts';
import { parseDate } from './values.ts';
import type { ImportEntry, ImportKind, MovieKey } from './types.ts';

type Json = Record<string, unknown>;

const SUBJECTS = ['movie', 'show', 'season', 'episode', 'person'] as const;
const TT = /^tt(\d{1,10})$/;

export interface TraktRead {
  entries: ImportEntry[];
  /** Items about something other than a film, or saying nothing usable about it. */
  skipped: number;
}

/** Reads the items; a JSON that is not Trakt's (no item about a movie or show) is an unknown format. */
export function traktEntries(text: string, fileName: string, maxRows = MAX_IMPORT_ROWS): TraktRead {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    throw unknownFormat(fileName);
  }
  const lists: unknown[][] = Array.isArray(root) ? [root] : isObject(root) ? Object.values(root).filter(Array.isArray) : [];
  const items = lists.flat();
  // An export of empty lists is Trakt's, with nothing in it.
  if (lists.length > 0 && items.length === 0) throw emptyImport(fileName);
  if (items.length > maxRows) throw tooLarge(MAX_IMPORT_ROWS, 'rows');
  if (!items.some((item) => isObject(item) && SUBJECTS.some((s) => isObject(item[s])))) throw unknownFormat(fileName);
  const entries: ImportEntry[] = [];
  let skipped = 0;
  items.forEach((item: unknown, i) => {
    const movie = isObject(item) ? item['movie'] : undefined;
    const said = isObject(item) && isObject(movie) ? meaning(item, fileName, i + 1) : null;
    if (!said || !isObject(movie)) {
      skipped++;
      return;
    }
    entries.push({ key: movieKey(movie, i + 1), ...said });
  });
  return { entries, skipped };
}

function meaning(item: Json, fileName: string, n: number): { kind: ImportKind; at?: Date } | null {
  const rating = item['rating'];
  if (rating !== undefined && rating !== null) {
    if (typeof rating !== 'number' || !isTenPoints(rating)) {
      throw malformedItem(fileName, n, `${JSON.stringify(rating)} is not a rating from 1 to 10`);
    }
    return dated(fromTenPoints(rating), item['rated_at']);
  }
  if (item['watched_at'] !== undefined || item['last_watched_at'] !== undefined || typeof item['plays'] === 'number') {
    return dated('seen', item['watched_at'] ?? item['last_watched_at']);
  }
  if (item['listed_at'] !== undefined) return dated('watchlist', item['listed_at']);
  return null;
}

function dated(kind: ImportKind, when: unknown): { kind: ImportKind; at?: Date } {
  const at = parseDate(when);
  return at ? { kind, at } : { kind };
}

function movieKey(movie: Json, n: number): MovieKey {
  const ids = isObject(movie['ids']) ? movie['ids'] : {};
  const tt = typeof ids['imdb'] === 'string' ? TT.exec(ids['imdb']) : null;
  const tmdb = ids['tmdb'];
  const year = movie['year'];
  const title = typeof movie['title'] === 'string' && movie['title'].trim() !== '' ? movie['title'].trim() : (tt?.[0] ?? `item ${n}`);
  return {
    ...(tt && { imdbId: Number(tt[1]) }),
    ...(typeof tmdb === 'number' && Number.isInteger(tmdb) && tmdb > 0 && { tmdbId: tmdb }),
    title,
    year: typeof year === 'number' && Number.isInteger(year) ? year : null,
  };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

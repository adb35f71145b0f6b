/**
 * Letterboxd's CSVs: `Date, Name, Year, Letterboxd URI[, Rating, …]`.
 * ratings.csv (and diary.csv) carry 0.5–5 stars; watched.csv,
 * watchlist.csv and likes/films.csv share the same four columns, so the
 * file's name says which one it is.
 */
import { column, type CsvTable } from './csv-table.ts';
import { malformed } from './import-errors.ts';
import { fromFiveStars } from './meaning.ts';
import { parseDate, parseYear } from './values.ts';
import type { ImportEntry, ImportKind } from './types.ts';

export type LetterboxdRole = 'ratings' | 'watched' | 'watchlist' | 'likes';

/** Letterboxd's columns, by the names it writes. */
export function isLetterboxdHeader(header: readonly string[]): boolean {
  return ['Name', 'Year', 'Letterboxd URI'].every((name) => column(header, name) >= 0);
}

/**
 * Which file this is. Uploaded alone, likes/films.csv arrives as
 * "films.csv"; a four-column file under another name counts as watched,
 * the plainest thing it can mean.
 */
export function letterboxdRole(fileName: string, header: readonly string[]): LetterboxdRole {
  const name = fileName.toLowerCase();
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (name.includes('watchlist')) return 'watchlist';
  if (name.includes('like') || base === 'films.csv') return 'likes';
  if (column(header, 'Rating') >= 0) return 'ratings';
  return 'watched';
}

const ROLE_KIND: Readonly<Record<Exclude<LetterboxdRole, 'ratings'>, ImportKind>> = {
  watched: 'seen',
  watchlist: 'watchlist',
  likes: 'like',
};

/** One entry per row; a row without a name, or with a bad year or rating, fails the file. */
export function letterboxdEntries(table: CsvTable, fileName: string, role: LetterboxdRole): ImportEntry[] {
  const col = { date: column(table.header, 'Date'), name: column(table.header, 'Name'), year: column(table.header, 'Year') };
  const rating = role === 'ratings' ? column(table.header, 'Rating') : -1;
  return table.rows.map(({ line, fields }) => {
    const title = (fields[col.name] ?? '').trim();
    if (title === '') throw malformed(fileName, line, 'the film has no name');
    const year = parseYear(fields[col.year] ?? '');
    if (year === undefined) throw malformed(fileName, line, `"${fields[col.year]}" is not a year`);
    const kind = role === 'ratings' ? starsKind(fields[rating] ?? '', fileName, line) : ROLE_KIND[role];
    const date = parseDate(fields[col.date]);
    return { key: { title, year }, kind, ...(date && { at: date }) };
  });
}

const HALF_STARS = /^\d(\.\d+)?$/;

/** A blank rating (a diary entry without stars) is a film seen. */
function starsKind(text: string, fileName: string, line: number): ImportKind {
  const trimmed = text.trim();
  if (trimmed === '') return 'seen';
  const stars = Number(trimmed);
  if (!HALF_STARS.test(trimmed) || stars < 0.5 || stars > 5) throw malformed(fileName, line, `"${trimmed}" is not a rating from 0.5 to 5`);
  return fromFiveStars(stars);
}

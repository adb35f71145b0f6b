/**
 * IMDb's exports. The ratings export: `Const` (tt-id), `Your Rating` 1–10,
 * `Date Rated`, `Title`, [`Original Title`,] `URL`, `Title Type`, …,
 * `Year`, …; a list export (the watchlist) adds `Position`, `Created`, and
 * leaves `Your Rating` blank for films not rated.
 */
import { column, type CsvTable } from './csv-table.ts';
import { malformed } from './import-errors.ts';
import { fromTenPoints, isTenPoints } from './meaning.ts';
import { parseDate, parseYear } from './values.ts';
import type { ImportEntry, ImportKind } from './types.ts';

export function isImdbHeader(header: readonly string[]): boolean {
  return column(header, 'Const') >= 0 && column(header, 'Title') >= 0 && (column(header, 'Your Rating') >= 0 || column(header, 'Title Type') >= 0);
}

/** Title types that are not films: series and their episodes, games, podcasts (matched without case, spaces or dashes). */
const NOT_FILMS: ReadonlySet<string> = new Set([
  'tvseries',
  'tvminiseries',
  'tvepisode',
  'tvpilot',
  'videogame',
  'podcastseries',
  'podcastepisode',
  'musicvideo',
]);
const TT = /^tt(\d{1,10})$/;

export interface ImdbRead {
  entries: ImportEntry[];
  /** Rows about something else than a film, or unrated rows of a list that is not the watchlist. */
  skipped: number;
}

/** A rated row means its rating; an unrated one means "later" in the watchlist and nothing elsewhere. */
export function imdbEntries(table: CsvTable, fileName: string): ImdbRead {
  const named = (name: string) => column(table.header, name);
  const col = {
    id: named('Const'),
    rating: named('Your Rating'),
    rated: named('Date Rated'),
    created: named('Created'),
    title: named('Title'),
    year: named('Year'),
    type: named('Title Type'),
  };
  const watchlist = fileName.toLowerCase().includes('watchlist');
  const entries: ImportEntry[] = [];
  let skipped = 0;
  for (const { line, fields } of table.rows) {
    const field = (i: number) => (i < 0 ? '' : (fields[i] ?? '').trim());
    const tt = TT.exec(field(col.id));
    if (!tt) throw malformed(fileName, line, `"${field(col.id)}" is not an IMDb id (tt…)`);
    const year = parseYear(field(col.year));
    if (year === undefined) throw malformed(fileName, line, `"${field(col.year)}" is not a year`);
    const kind = ratingKind(field(col.rating), watchlist, fileName, line);
    if (
      kind === null ||
      NOT_FILMS.has(
        field(col.type)
          .toLowerCase()
          .replace(/[^a-z]/g, ''),
      )
    ) {
      skipped++;
      continue;
    }
    const date = parseDate(field(kind === 'watchlist' ? col.created : col.rated));
    const title = field(col.title) || tt[0];
    entries.push({ key: { imdbId: Number(tt[1]), title, year }, kind, ...(date && { at: date }) });
  }
  return { entries, skipped };
}

function ratingKind(text: string, watchlist: boolean, fileName: string, line: number): ImportKind | null {
  if (text === '') return watchlist ? 'watchlist' : null;
  const points = Number(text);
  if (!isTenPoints(points)) throw malformed(fileName, line, `"${text}" is not a rating from 1 to 10`);
  return fromTenPoints(points);
}

/**
 * The reply to an import: "Imported 412 films: 120 👍, 31 👎, 243 seen, 18
 * to watch; 9 not found: …". Plain text; each platform sends it as it is.
 */
import type { ImportKind, ImportMatch, NotFound } from './types.ts';

export interface ImportSummary {
  /** Catalog movies the import said something about. */
  films: number;
  counts: Readonly<Record<ImportKind, number>>;
  notFound: readonly NotFound[];
  /** Rows left out: TV series and episodes, unrated rows of an IMDb list. */
  skipped: number;
}

/** Titles listed by name before "and N more": the reply stays well inside a chat message. */
export const NOT_FOUND_LISTED = 10;
/** A title longer than this is cut, for the same reason. */
const TITLE_CHARS = 60;

export function summarizeImport(match: ImportMatch, skipped = 0): ImportSummary {
  const counts: Record<ImportKind, number> = { like: 0, dislike: 0, seen: 0, watchlist: 0 };
  for (const movie of match.movies) counts[movie.kind]++;
  return { films: match.movies.length, counts, notFound: match.notFound, skipped };
}

const PARTS: readonly [ImportKind, string][] = [
  ['like', '👍'],
  ['dislike', '👎'],
  ['seen', 'seen'],
  ['watchlist', 'to watch'],
];

/** The summary in one sentence. */
export function importSummaryText(summary: ImportSummary, listed = NOT_FOUND_LISTED): string {
  const parts = PARTS.filter(([kind]) => summary.counts[kind] > 0).map(([kind, label]) => `${summary.counts[kind]} ${label}`);
  const head = summary.films > 0 ? `Imported ${films(summary.films)}: ${parts.join(', ')}` : 'Nothing imported';
  const missing = summary.notFound.length > 0 ? `; ${summary.notFound.length} not found: ${names(summary.notFound, listed)}` : '';
  const skipped = summary.skipped > 0 ? `; ${summary.skipped} skipped (not films, or not rated)` : '';
  return `${head}${missing}${skipped}.`;
}

function films(n: number): string {
  return n === 1 ? '1 film' : `${n} films`;
}

function names(notFound: readonly NotFound[], listed: number): string {
  const shown = notFound.slice(0, listed).map(({ title, year }) => {
    const short = title.length > TITLE_CHARS ? `${title.slice(0, TITLE_CHARS - 1)}…` : title;
    return year === null ? short : `${short} (${year})`;
  });
  const more = notFound.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

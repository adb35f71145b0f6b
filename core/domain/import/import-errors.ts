/** The import's UserErrors, worded as the fallback an adapter shows when its table has no entry. */
import { UserError } from '../errors.ts';

const MIB = 1024 * 1024;

export function emptyImport(file: string): UserError {
  return new UserError('IMPORT_EMPTY', `${file} has no films in it.`, { file });
}

export function tooLarge(limit: number, unit: 'bytes' | 'rows' | 'entries'): UserError {
  const said = unit === 'bytes' ? `${limit / MIB} MB` : `${limit.toLocaleString('en-US')} ${unit}`;
  return new UserError('IMPORT_TOO_LARGE', `That is too much to import at once: the limit is ${said}.`, { limit, unit });
}

export function unknownFormat(file: string): UserError {
  return new UserError(
    'IMPORT_UNKNOWN_FORMAT',
    `${file} is not an export this can read. Send Letterboxd's export (the ZIP, or its ratings.csv, watched.csv, watchlist.csv or likes/films.csv), IMDb's ratings CSV, or Trakt's JSON.`,
    { file },
  );
}

export function malformed(file: string, line: number, problem: string): UserError {
  return new UserError('IMPORT_MALFORMED', `${file}, line ${line}: ${problem}. Nothing was imported.`, { file, line });
}

/** A broken item of a JSON file (items have no line of their own). */
export function malformedItem(file: string, item: number, problem: string): UserError {
  return new UserError('IMPORT_MALFORMED', `${file}, item ${item}: ${problem}. Nothing was imported.`, { file });
}

const ARCHIVE_PROBLEMS = {
  nested: 'it holds another archive',
  bomb: 'it unpacks to far more than it weighs',
  encrypted: 'it is password-protected',
  corrupt: 'it is damaged or not a ZIP',
} as const;

export function badArchive(file: string, reason: keyof typeof ARCHIVE_PROBLEMS): UserError {
  return new UserError('IMPORT_BAD_ARCHIVE', `${file} was refused: ${ARCHIVE_PROBLEMS[reason]}.`, { file, reason });
}

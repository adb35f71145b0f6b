/**
 * CSV through csv-parse: quoted fields with commas, quotes and line breaks
 * ("Lock, Stock and Two Smoking Barrels"), CRLF or LF, and a byte-order mark.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { malformed, tooLarge } from './import-errors.ts';
import { MAX_IMPORT_ROWS } from './limits.ts';

export interface CsvRow {
  /** 1-based line the row ends on, for messages. */
  line: number;
  fields: readonly string[];
}

export interface CsvTable {
  /** Column names as written (trimmed). */
  header: string[];
  rows: CsvRow[];
}

const OPTIONS = { bom: true, skip_empty_lines: true } as const;

/** The first record, trimmed: enough to tell the format. Null when the text is not CSV at all. */
export function csvHeader(text: string): string[] | null {
  try {
    const [first] = parse(text, { ...OPTIONS, to: 1 });
    return first ? first.map((name) => name.trim()) : null;
  } catch {
    return null;
  }
}

/**
 * The whole table; at most `maxRows` data rows (the import's remaining
 * budget), else IMPORT_TOO_LARGE. A broken row fails the whole file with
 * its line: an import saves everything or nothing.
 */
export function parseCsv(text: string, file: string, maxRows = MAX_IMPORT_ROWS): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // One record past the budget is enough to know it is over.
    records = parse(text, { ...OPTIONS, info: true, to: maxRows + 2 }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) throw malformed(file, errorLine(err), describe(err));
    throw err;
  }
  const [head, ...body] = records;
  if (body.length > maxRows) throw tooLarge(MAX_IMPORT_ROWS, 'rows');
  return {
    header: (head?.record ?? []).map((name) => name.trim()),
    rows: body.map(({ record, info }) => ({ line: info.lines, fields: record })),
  };
}

/** Index of the column named `name` (any case), or -1. */
export function column(header: readonly string[], name: string): number {
  const wanted = name.toLowerCase();
  return header.findIndex((h) => h.toLowerCase() === wanted);
}

function errorLine(err: CsvError): number {
  const lines = err['lines'];
  return typeof lines === 'number' ? lines : 1;
}

function describe(err: CsvError): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed';
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return 'the row has a different number of fields than the header';
    default:
      return 'the row is not valid CSV';
  }
}

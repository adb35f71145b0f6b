/**
 * An uploaded export, read into what it says about which films. Nothing is
 * matched or saved here: a file that fails anywhere fails whole, before
 * anything is written.
 */
import type { ArchiveReader } from '../ports/archive-reader.ts';
import { letterboxdFiles } from './archive.ts';
import { parseCsv } from './csv-table.ts';
import { detectFormat } from './detect.ts';
import { imdbEntries } from './imdb.ts';
import { emptyImport, malformed, tooLarge } from './import-errors.ts';
import { isLetterboxdHeader, letterboxdEntries, letterboxdRole } from './letterboxd.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './limits.ts';
import { decodeText } from './text.ts';
import { traktEntries } from './trakt.ts';
import type { ImportEntry, ImportFile, ParsedImport } from './types.ts';

/** Reads Letterboxd's export (ZIP or one of its CSVs), IMDb's ratings CSV or Trakt's JSON. */
export async function readImport(file: ImportFile, archives: ArchiveReader): Promise<ParsedImport> {
  if (file.bytes.length > MAX_IMPORT_BYTES) throw tooLarge(MAX_IMPORT_BYTES, 'bytes');
  const detected = detectFormat(file);
  let parsed: ParsedImport;
  switch (detected.format) {
    case 'zip':
      parsed = { format: 'letterboxd-zip', entries: letterboxdZipEntries(await letterboxdFiles(file, archives)), skipped: 0 };
      break;
    case 'letterboxd': {
      const role = letterboxdRole(file.name, detected.header);
      parsed = { format: 'letterboxd', entries: letterboxdEntries(parseCsv(detected.text, file.name), file.name, role), skipped: 0 };
      break;
    }
    case 'imdb':
      parsed = { format: 'imdb', ...imdbEntries(parseCsv(detected.text, file.name), file.name) };
      break;
    case 'json':
      parsed = { format: 'trakt', ...traktEntries(detected.text, file.name) };
      break;
  }
  if (parsed.entries.length === 0) throw emptyImport(file.name);
  return parsed;
}

/** Every file of the export, against one row budget; an empty one (a watchlist never used) is fine. */
function letterboxdZipEntries(files: readonly ImportFile[]): ImportEntry[] {
  const entries: ImportEntry[] = [];
  let rows = 0;
  for (const file of files) {
    const text = decodeText(file.bytes);
    if (text === null) throw malformed(file.name, 1, 'it is not text');
    if (text.trim() === '') continue;
    const table = parseCsv(text, file.name, MAX_IMPORT_ROWS - rows);
    if (!isLetterboxdHeader(table.header)) throw malformed(file.name, 1, "the columns are not Letterboxd's");
    rows += table.rows.length;
    entries.push(...letterboxdEntries(table, file.name, letterboxdRole(file.name, table.header)));
  }
  return entries;
}

/**
 * Tells the format from the content, not from the file's name or type
 * (which platforms and people change): ZIP by its signature, Trakt by JSON,
 * Letterboxd and IMDb by their CSV columns.
 */
import { looksLikeZip } from './archive.ts';
import { csvHeader } from './csv-table.ts';
import { isImdbHeader } from './imdb.ts';
import { emptyImport, unknownFormat } from './import-errors.ts';
import { isLetterboxdHeader } from './letterboxd.ts';
import { decodeText } from './text.ts';
import type { ImportFile } from './types.ts';

export type Detected = { format: 'zip' } | { format: 'json'; text: string } | { format: 'letterboxd' | 'imdb'; text: string; header: string[] };

/** What the file is; an empty file, or one of no known format, is a UserError. */
export function detectFormat(file: ImportFile): Detected {
  if (file.bytes.length === 0) throw emptyImport(file.name);
  if (looksLikeZip(file.bytes)) return { format: 'zip' };
  const text = decodeText(file.bytes);
  if (text === null) throw unknownFormat(file.name);
  const start = text.trimStart();
  if (start === '') throw emptyImport(file.name);
  if (start.startsWith('[') || start.startsWith('{')) return { format: 'json', text };
  const header = csvHeader(text);
  if (header && isLetterboxdHeader(header)) return { format: 'letterboxd', text, header };
  if (header && isImdbHeader(header)) return { format: 'imdb', text, header };
  throw unknownFormat(file.name);
}

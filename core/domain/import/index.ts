/** Taste import: Letterboxd, IMDb and Trakt exports read, matched to the catalog and summed up. */
export { readImport } from './read-import.ts';
export { detectFormat, type Detected } from './detect.ts';
export { matchImport, matchMovie, YEAR_TOLERANCE, type ImportCatalog } from './match.ts';
export { summarizeImport, importSummaryText, NOT_FOUND_LISTED, type ImportSummary } from './summary.ts';
export { LETTERBOXD_FILES } from './archive.ts';
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_ARCHIVE_ENTRIES, MAX_COMPRESSION_RATIO } from './limits.ts';
export type * from './types.ts';

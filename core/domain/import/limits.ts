/**
 * How much one import may hold. Adapters check the upload's size against
 * MAX_IMPORT_BYTES before downloading it; the import checks again.
 */

/** An uploaded file, and everything taken out of a ZIP together. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Data rows (or JSON items) over all the files of one import. */
export const MAX_IMPORT_ROWS = 20_000;
/** Entries a ZIP may declare; Letterboxd's export holds a few dozen (one per list). */
export const MAX_ARCHIVE_ENTRIES = 5_000;
/** Unpacked ÷ packed size of an entry: CSVs shrink a few times, bombs a thousand times. */
export const MAX_COMPRESSION_RATIO = 100;

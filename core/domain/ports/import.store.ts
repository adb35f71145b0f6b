import type { ImportedMovie, ImportKind } from '../import/types.ts';

/** Rows an import newly stored, by what they say (👍, 👎, seen, later). */
export type ImportApplied = Record<ImportKind, number>;

/**
 * Writes an imported taste: all of it or, on any failure, none of it (one
 * transaction). What is already there wins, so importing the same file
 * again stores nothing:
 *
 * - 👍/👎 (`like`/`dislike`) become feedback with source `import` (and its
 *   event), only for films the person has no 👍/👎 for: one given here,
 *   or by an earlier import, is never overwritten — a stance given here is
 *   newer news than the export's, whose dates cannot be compared with ours.
 * - `seen` marks the film seen (source `import`) unless it already is.
 * - `watchlist` adds the film to the watchlist unless it is there, seen, or
 *   rated: the export's "want to watch" is older than a stance given here.
 * - A 👍, 👎 or seen stored now takes the film off the watchlist (watched:
 *   no longer "later"); one not stored (already there) leaves it alone.
 *
 * Each row's `at` (when the person said it on the other site; now when the
 * file does not tell, and never later than now) dates what it stores.
 */
export interface ImportStore {
  applyImport(userId: number, movies: readonly ImportedMovie[]): Promise<ImportApplied>;
}

import { matchImport } from '../import/match.ts';
import { readImport } from '../import/read-import.ts';
import { importSummaryText, summarizeImport, type ImportSummary } from '../import/summary.ts';
import type { ImportFile } from '../import/types.ts';
import type { PlatformIdentity } from '../ports/account.store.ts';
import type { ArchiveReader } from '../ports/archive-reader.ts';
import type { ImportApplied, ImportStore } from '../ports/import.store.ts';
import type { TasteDeps } from './deps.ts';

export interface ImportDeps extends TasteDeps {
  /** Writes an import in one transaction. */
  imports: ImportStore;
  /** Opens an uploaded ZIP (Letterboxd's export). */
  archives: ArchiveReader;
}

/** What the file said (the summary the reply is made of) and what of it was new here. */
export interface ImportedTaste extends ImportSummary {
  /** Rows stored by this import, per kind: all zero when everything was already here. */
  stored: ImportApplied;
}

/**
 * Imports another site's export (Letterboxd's ZIP or CSVs, IMDb's ratings,
 * Trakt's JSON): read, matched to the catalog, then stored in one
 * transaction — 👍/👎 as feedback with source `import`, seen films,
 * watchlist — keeping whatever is already there (see ImportStore), so the
 * same file imported twice stores nothing the second time. A file that
 * fails anywhere (too large, foreign, malformed, a hostile ZIP) is a
 * UserError and nothing is stored; nor is the person created. What was
 * stored drops their ready list and is announced once (`taste-imported`),
 * so one recompute follows however many rows it held.
 */
export async function importTaste(deps: ImportDeps, request: { identity: PlatformIdentity; file: ImportFile }): Promise<ImportedTaste> {
  const parsed = await readImport(request.file, deps.archives);
  const match = matchImport(parsed.entries, deps.catalog);
  const summary = summarizeImport(match, parsed.skipped);
  const nothing: ImportApplied = { like: 0, dislike: 0, seen: 0, watchlist: 0 };
  if (match.movies.length === 0) return { ...summary, stored: nothing };
  const userId = await deps.accounts.resolveUser(request.identity);
  const stored = await deps.imports.applyImport(userId, match.movies);
  const total = Object.values(stored).reduce((a, b) => a + b, 0);
  if (total > 0) {
    await deps.recommendations?.invalidate(userId);
    deps.changes?.announce({ type: 'taste-imported', userId, stored: total });
  }
  return { ...summary, stored };
}

/** The reply to an import: the summary, and a word when none of it was new (a file imported again). */
export function importedTasteText(result: ImportedTaste): string {
  const text = importSummaryText(result);
  const stored = Object.values(result.stored).reduce((a, b) => a + b, 0);
  return result.films > 0 && stored === 0 ? `${text} All of it was already here, so nothing changed.` : text;
}

/**
 * ZIP uploads as real files, for adapter tests and e2e runs (which may not
 * reach into core/infra themselves): an export, and what an import must
 * refuse — a ZIP bomb (16 MB of one byte in a few kB), a ZIP in a ZIP.
 */
import { buildZip } from '../../core/infra/archive/testing/build-zip.ts';

/** A ZIP of these files, by their path in it ("likes/films.csv"), as Letterboxd's export is. */
export function exportZip(files: Record<string, string>): Promise<Buffer> {
  return buildZip(files);
}

const RATINGS = 'Date,Name,Year,Letterboxd URI,Rating\n2023-01-04,The Matrix,1999,https://boxd.it/2a1m,5\n';

/** A Letterboxd-looking export whose ratings.csv unpacks to 16 MB. */
export function zipBomb(): Promise<Buffer> {
  return buildZip({ 'ratings.csv': Buffer.alloc(16 * 1024 * 1024, 'a') });
}

/** A Letterboxd export with another export zipped inside it. */
export async function nestedZip(): Promise<Buffer> {
  const inner = await buildZip({ 'ratings.csv': RATINGS });
  return buildZip({ 'ratings.csv': RATINGS, 'backup/letterboxd.zip': inner });
}

/**
 * Uploads an import must refuse, as real files: a ZIP bomb (16 MB of one
 * byte in a few kB) and a ZIP holding another ZIP. For adapter tests and
 * e2e runs, which may not reach into core/infra themselves.
 */
import { buildZip } from '../../core/infra/archive/testing/build-zip.ts';

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

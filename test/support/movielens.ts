import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the real MovieLens folders are: MOVIELENS_DIR (the ml-latest-small
 * folder, as in the product's config) and MOVIELENS_25M_CATALOG, defaulting to
 * ../shared/data beside the repository. Locally a missing folder skips the
 * tests that need it; under CI it fails them, so CI never passes by skipping.
 */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function locate(envValue: string | undefined, fallback: string): { dir: string; present: boolean } {
  const dir = path.resolve(envValue ?? path.join(repo, '../shared/data', fallback));
  const present = fs.existsSync(dir);
  if (!present && process.env.CI) throw new Error(`MovieLens data missing under CI: ${dir}`);
  return { dir, present };
}

export const ML_LATEST_SMALL = locate(process.env.MOVIELENS_DIR, 'ml-latest-small');
export const ML_25M_CATALOG = locate(process.env.MOVIELENS_25M_CATALOG, 'ml-25m-catalog');

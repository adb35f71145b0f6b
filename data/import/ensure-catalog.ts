import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../core/index.ts';
import type { Database } from '../../core/wiring.ts';
import { createRepositories } from '../../core/wiring.ts';
import { fetchRelease } from '../fetch/index.ts';
import { importDataset, type ImportSummary } from './import-dataset.ts';

export type CatalogSource = { kind: 'present' } | { kind: 'imported'; summary: ImportSummary };

/**
 * Makes sure the catalog is there before the product starts: an empty
 * database is filled from MOVIELENS_DIR, else DATA_DIR/ml-latest-small, else
 * a fresh download of ml-latest-small.
 */
export async function ensureCatalog(config: Config, database: Database, log: (line: string) => void): Promise<CatalogSource> {
  const stats = await createRepositories(database.db).catalog.stats();
  if (stats.movies > 0) return { kind: 'present' };

  let dir = config.movielensDir;
  if (!dir) {
    const local = path.join(config.dataDir, 'ml-latest-small');
    const present = await fs.stat(path.join(local, 'movies.csv')).then(
      () => true,
      () => false,
    );
    if (present) dir = local;
    else {
      log('The catalog is empty: downloading MovieLens ml-latest-small…');
      dir = (await fetchRelease({ release: 'ml-latest-small', baseUrl: config.movielensBaseUrl, dataDir: config.dataDir, log })).dir;
    }
  }
  log(`The catalog is empty: importing MovieLens from ${dir}…`);
  return { kind: 'imported', summary: await importDataset({ database, dir }) };
}

import { loadConfig } from '../../core/index.ts';
import { createRepositories, type Repositories } from '../../core/wiring.ts';
import { importDataset } from '../../data/index.ts';
import { openProduct } from '../../bin/runtime/product.ts';
import { freshPostgres, silentLogger, type TestDatabase } from './databases.ts';
import { ML_LATEST_SMALL } from './movielens.ts';

/**
 * A fresh PostgreSQL database with ml-latest-small imported, and a model
 * trained from it once into `dataDir`/models: what the tests that start real
 * worker, bot or web processes on one database begin with.
 */
export async function trainedPostgres(dataDir: string): Promise<{ db: TestDatabase; repos: Repositories }> {
  const db = await freshPostgres();
  await importDataset({ database: db.database, dir: ML_LATEST_SMALL.dir });
  const product = await openProduct(loadConfig({ DATA_DIR: dataDir, MOVIELENS_DIR: ML_LATEST_SMALL.dir }), db.database, silentLogger, () => {});
  await product.modelReady;
  await product.jobs.close();
  await product.rollout.close();
  return { db, repos: createRepositories(db.database.db) };
}

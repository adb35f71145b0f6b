/**
 * `moviebot train` with no --data retrains on the database (MovieLens plus
 * the community), evaluates on the held-out slice, promotes and prints the
 * figures; run again on the same data it trains nothing.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../core/wiring.ts';
import { importDataset } from '../data/index.ts';
import { freshPostgres, type TestDatabase } from '../test/support/databases.ts';
import { runCli } from '../test/support/cli.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';

const tmp = useTempDirs('moviebot-train-');

describe.skipIf(!ML_LATEST_SMALL.present)('moviebot train (from the database)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshPostgres();
    await importDataset({ database: db.database, dir: ML_LATEST_SMALL.dir });
  }, 60_000);
  afterAll(() => db?.drop());

  it('trains, evaluates, promotes and prints the figures; a second run on the same data is unchanged', async () => {
    const env = { DATABASE_URL: db.url!, DATA_DIR: path.join(tmp(), 'data') };
    const first = await runCli(['train'], env, 120_000);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Model \S+ promoted: now served \(no model is being served yet\)/);
    expect(first.stdout).toMatch(/new model: +NDCG@20 0\.\d{4} +recall@20 0\.\d{4} +\(\d+ held-out users\)/);
    const active = (await createRepositories(db.database.db).modelVersions.active())!;
    expect(first.stdout).toContain(`Model ${active.version} promoted`);

    const second = await runCli(['train'], env, 120_000);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`Model ${active.version} unchanged`);
    expect((await createRepositories(db.database.db).modelVersions.active())!.version).toBe(active.version);
  }, 240_000);
});

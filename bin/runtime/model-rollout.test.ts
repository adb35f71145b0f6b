/**
 * The first model on real Postgres, as processes starting together see it:
 * each "process" here has a pool of its own (sessions, and so advisory
 * locks, are per connection), all on one database and one DATA_DIR.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/index.ts';
import { createRepositories, ModelHolder, openDatabase, type Database } from '../../core/wiring.ts';
import { importDataset } from '../../data/index.ts';
import { freshPostgres, silentLogger, type TestDatabase } from '../../test/support/databases.ts';
import { ML_LATEST_SMALL } from '../../test/support/movielens.ts';
import { useTempDirs } from '../../test/support/temp-dirs.ts';
import { openModelRollout, type ModelRollout } from './model-rollout.ts';

const tmp = useTempDirs('moviebot-model-rollout-');

describe.skipIf(!ML_LATEST_SMALL.present)('the first model, with several processes on one PostgreSQL', () => {
  let db: TestDatabase;
  let dataDir: string;
  const opened: { database: Database; rollout?: ModelRollout }[] = [];

  beforeAll(async () => {
    db = await freshPostgres();
    await importDataset({ database: db.database, dir: ML_LATEST_SMALL.dir });
    dataDir = path.join(tmp(), 'data');
  }, 120_000);
  afterAll(async () => {
    for (const p of opened) {
      await p.rollout?.close();
      await p.database.close();
    }
    await db?.drop();
  }, 60_000);

  /** A process's own connection pool to the test database. */
  async function connect(): Promise<Database> {
    const database = await openDatabase({ databaseUrl: db.url, pgliteDir: undefined, logger: silentLogger });
    opened.push({ database });
    return database;
  }

  /** What a role does at start: serve the active version, or train the first one. */
  async function start(database?: Database): Promise<{ models: ModelHolder; rollout: ModelRollout; said: string[] }> {
    database ??= await connect();
    const models = new ModelHolder();
    const said: string[] = [];
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: db.url });
    const rollout = openModelRollout({ config, database, models, logger: silentLogger, say: (line) => said.push(line), pollMs: 60_000 });
    opened.find((p) => p.database === database)!.rollout = rollout;
    return { models, rollout, said };
  }

  const rows = () => db.database.sql.query<{ version: string; status: string; path: string }>('select version, status, path from model_versions order by id');

  it('three starting at once: one trains, the others wait for it and serve the same version', async () => {
    const processes = await Promise.all([start(), start(), start()]);
    await Promise.all(processes.map((p) => p.rollout.ready));
    const registry = await rows();
    expect(registry).toHaveLength(1);
    expect(registry[0]!.status).toBe('active');
    for (const p of processes) expect(p.models.current().manifest.version).toBe(registry[0]!.version);
    expect(processes.filter((p) => p.said.some((line) => line.includes('training the first model')))).toHaveLength(1);
    expect(fs.realpathSync(path.join(dataDir, 'models', 'current'))).toBe(fs.realpathSync(path.resolve(dataDir, registry[0]!.path)));
  }, 180_000);

  it('the active version lost its files and none before it loads: a start trains a new one instead of failing', async () => {
    const [lost] = await rows();
    fs.rmSync(path.resolve(dataDir, lost!.path), { recursive: true });
    const p = await start();
    await p.rollout.ready;
    const active = await createRepositories(db.database.db).modelVersions.active();
    expect(active!.version).not.toBe(lost!.version);
    expect(p.models.current().manifest.version).toBe(active!.version);
    expect(fs.realpathSync(path.join(dataDir, 'models', 'current'))).toBe(fs.realpathSync(path.resolve(dataDir, active!.path)));
  }, 180_000);

  it('the active version lost its files: a start falls back to the previous one, promoted', async () => {
    const registry = createRepositories(db.database.db).modelVersions;
    const previous = (await registry.active())!;
    await registry.register({ version: 'lost-files', path: 'models/lost-files', datasetFingerprint: 'x', backend: 'test', metrics: {} });
    await registry.promote('lost-files');
    const p = await start();
    await p.rollout.ready;
    expect(p.models.current().manifest.version).toBe(previous.version);
    expect((await registry.active())!.version).toBe(previous.version);
    expect(p.said.join('\n')).not.toMatch(/training/);
    expect(fs.realpathSync(path.join(dataDir, 'models', 'current'))).toBe(fs.realpathSync(path.resolve(dataDir, previous.path)));
  }, 60_000);

  it('the process training the first model dies: its lock goes with its connection and a waiter trains', async () => {
    await db.database.sql.query('delete from model_versions');
    fs.rmSync(path.join(dataDir, 'models'), { recursive: true, force: true });
    // A "process" that took the lock and never finishes training.
    const stuck = await connect();
    let taken!: () => void;
    let finish!: () => void;
    const holding = new Promise<void>((resolve) => (taken = resolve));
    const stuckTraining = stuck.exclusively('firstModel', () => (taken(), new Promise<void>((resolve) => (finish = resolve)))).catch(() => undefined);
    await holding;
    const waiter = await start();
    await new Promise((r) => setTimeout(r, 1_000));
    expect(waiter.models.ready).toBe(false);
    // It dies: Postgres ends its session (as when the process is killed).
    await db.database.sql.query(
      `select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())`,
    );
    await waiter.rollout.ready;
    expect(waiter.models.ready).toBe(true);
    // Its pool gives the dead connection back only once the holder returns.
    finish();
    await stuckTraining;
    expect((await rows()).filter((r) => r.status === 'active')).toHaveLength(1);
  }, 180_000);
});

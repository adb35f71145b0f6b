import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, silentLogger, type TestDatabase } from '../../../test/support/databases.ts';
import { useTempDirs } from '../../../test/support/temp-dirs.ts';
import { clusteredData } from '../../domain/recommender/testing/clustered-data.ts';
import { ModelVersionsRepository } from '../db/repositories/model-versions.repository.ts';
import { ArtifactTrainer } from './artifact-trainer.ts';
import { saveModel, type ModelArtifacts } from './model-artifacts.ts';
import { ModelHolder } from './model-holder.ts';
import { ModelSync } from './model-sync.ts';
import { trainModel } from './train-model.ts';
import { TEST_REDIS_URL } from '../../../test/support/redis-server.ts';

const tmp = useTempDirs('moviebot-model-sync-');

let trained: ModelArtifacts;
beforeAll(async () => {
  trained = await trainModel(clusteredData());
});

/** Writes the trained model as `version` under dataDir/models/<version>. */
async function writeVersion(dataDir: string, version: string): Promise<void> {
  await saveModel(path.join(dataDir, 'models', version), { ...trained, manifest: { ...trained.manifest, version } });
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
}

describe('ModelSync', () => {
  let db: TestDatabase;
  let versions: ModelVersionsRepository;
  let dataDir: string;
  const syncs: ModelSync[] = [];
  const redises: Redis[] = [];

  beforeAll(async () => {
    db = await freshPglite();
    versions = new ModelVersionsRepository(db.database.db);
  });
  afterAll(async () => {
    await Promise.all(syncs.map((s) => s.close()));
    await Promise.all(redises.map((r) => r.quit()));
    await db?.drop();
  });

  const register = (version: string) => versions.register({ version, path: `models/${version}`, datasetFingerprint: version, backend: 'test', metrics: {} });
  const open = (holder: ModelHolder, extra: { redis?: Redis; prefix?: string; pollMs?: number } = {}) => {
    const sync = new ModelSync({ versions, holder, dataDir, logger: silentLogger, pollMs: 60_000, ...extra });
    syncs.push(sync);
    return sync;
  };

  it('adopts a model directory from before the registry as the first active version', async () => {
    dataDir = tmp();
    await saveModel(path.join(dataDir, 'models', 'current'), { ...trained, manifest: { ...trained.manifest, version: 'v0' } });
    const holder = new ModelHolder();
    expect(await open(holder).serveActive()).toBe(true);
    expect(holder.current().manifest.version).toBe('v0');
    expect((await versions.active())!).toMatchObject({ version: 'v0', path: path.join('models', 'v0') });
    expect(fs.lstatSync(path.join(dataDir, 'models', 'current')).isSymbolicLink()).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'models', 'v0', 'manifest.json'))).toBe(true);
  });

  it('without a message, a promotion is picked up by the registry poll; a version whose files are gone is not served', async () => {
    const holder = new ModelHolder();
    const sync = open(holder, { pollMs: 100 });
    await sync.serveActive();
    sync.start();
    await writeVersion(dataDir, 'v1');
    await register('v1');
    await versions.promote('v1');
    expect(await until(() => holder.current().manifest.version === 'v1', 3_000)).toBe(true);

    await register('v-missing');
    await versions.promote('v-missing');
    await new Promise((r) => setTimeout(r, 400));
    expect(holder.current().manifest.version).toBe('v1');
  });

  it('with Redis, an announced promotion reaches another process at once and moves models/current', async () => {
    const prefix = `test-${randomUUID()}`;
    const connect = async () => {
      const redis = new Redis(TEST_REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      redises.push(redis);
      await new Promise((resolve) => redis.once('ready', resolve));
      return redis;
    };
    await writeVersion(dataDir, 'v2');
    await register('v2');
    await versions.promote('v2');
    const bot = new ModelHolder();
    const worker = new ModelHolder();
    // Polls slower than the test: only the message can make the bot switch.
    const botSync = open(bot, { redis: await connect(), prefix });
    const workerSync = open(worker, { redis: await connect(), prefix });
    await botSync.serveActive();
    await workerSync.serveActive();
    botSync.start();
    workerSync.start();
    await new Promise((r) => setTimeout(r, 200)); // the bot's SUBSCRIBE is in place

    await writeVersion(dataDir, 'v3');
    await register('v3');
    await versions.promote('v3');
    const started = Date.now();
    await workerSync.announce('v3');
    expect(worker.current().manifest.version).toBe('v3');
    expect(await until(() => bot.current().manifest.version === 'v3', 2_000)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fs.readlinkSync(path.join(dataDir, 'models', 'current'))).toBe('v3');
  });
});

describe('ModelSync: an active version whose files are gone', () => {
  let db: TestDatabase;
  let versions: ModelVersionsRepository;
  beforeAll(async () => {
    db = await freshPglite();
    versions = new ModelVersionsRepository(db.database.db);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const register = (version: string) => versions.register({ version, path: `models/${version}`, datasetFingerprint: version, backend: 'test', metrics: {} });
  /** A logger that keeps its warnings, to check a fallback is said. */
  const recording = () => {
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (_fields: unknown, msg: string) => void warnings.push(msg) } as unknown as typeof silentLogger;
    return { logger, warnings };
  };

  it('falls back to the most recently active version that loads, promotes it and repoints models/current', async () => {
    const dataDir = tmp();
    for (const v of ['old', 'previous']) await writeVersion(dataDir, v);
    for (const v of ['old', 'previous-unreadable', 'previous', 'gone']) await register(v);
    for (const v of ['old', 'previous', 'previous-unreadable', 'gone']) await versions.promote(v);
    // `previous-unreadable` was active more recently than `previous`, but its directory holds no model.
    fs.mkdirSync(path.join(dataDir, 'models', 'previous-unreadable'));
    fs.symlinkSync('gone', path.join(dataDir, 'models', 'current'));
    const holder = new ModelHolder();
    const { logger, warnings } = recording();
    const sync = new ModelSync({ versions, holder, dataDir, logger, pollMs: 60_000 });
    expect(await sync.serveActive()).toBe(true);
    await sync.close();
    expect(holder.current().manifest.version).toBe('previous');
    expect((await versions.active())?.version).toBe('previous');
    expect(fs.realpathSync(path.join(dataDir, 'models', 'current'))).toBe(fs.realpathSync(path.join(dataDir, 'models', 'previous')));
    expect(warnings.join('\n')).toMatch(/cannot be loaded: serving the earlier version/);
  });

  it('with no earlier version that loads, serves nothing (the caller trains) and says so, without throwing', async () => {
    const dataDir = tmp();
    await register('lost');
    await versions.promote('lost');
    // `previous` (retired, from the test above) has no files in this DATA_DIR either.
    const holder = new ModelHolder();
    const { logger, warnings } = recording();
    const sync = new ModelSync({ versions, holder, dataDir, logger, pollMs: 60_000 });
    expect(await sync.serveActive()).toBe(false);
    await sync.close();
    expect(holder.ready).toBe(false);
    expect((await versions.active())?.version).toBe('lost');
    expect(warnings.join('\n')).toMatch(/no earlier version can: a new model is trained/);
  });
});

describe('ArtifactTrainer.prune', () => {
  it('keeps the active version and the newest ones, and removes old leftovers of killed trainings', async () => {
    const dataDir = tmp();
    const models = path.join(dataDir, 'models');
    for (const v of ['20260101T000000-a', '20260102T000000-b', '20260103T000000-c', '20260104T000000-d', '20260105T000000-e']) {
      fs.mkdirSync(path.join(models, v), { recursive: true });
    }
    fs.symlinkSync('20260101T000000-a', path.join(models, 'current'));
    const stale = path.join(models, '.20260106T000000-f.partial-x');
    const fresh = path.join(models, '.20260107T000000-g.partial-y');
    fs.mkdirSync(stale);
    fs.mkdirSync(fresh);
    fs.utimesSync(stale, new Date(Date.now() - 2 * 3_600_000), new Date(Date.now() - 2 * 3_600_000));
    const removed = await new ArtifactTrainer(dataDir).prune('20260101T000000-a', 3);
    expect(removed.sort()).toEqual(['.20260106T000000-f.partial-x', '20260102T000000-b']);
    expect(fs.readdirSync(models).sort()).toEqual([
      '.20260107T000000-g.partial-y',
      '20260101T000000-a',
      '20260103T000000-c',
      '20260104T000000-d',
      '20260105T000000-e',
      'current',
    ]);
  });
});

/**
 * Issue 12, acceptance 1: `web`, `worker` and `bot` started in the same
 * instant on a fresh PostgreSQL database, a fresh Redis and a fresh DATA_DIR
 * (what docker compose does on day one). Five times: exactly one model is
 * trained and active, its files exist and load, models/current resolves, and
 * all three roles serve.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadModel } from '../core/wiring.ts';
import { importDataset } from '../data/index.ts';
import { spawnCli, type RunningCli } from '../test/support/cli.ts';
import { freshPostgres, type TestDatabase } from '../test/support/databases.ts';
import { FakeTelegram } from '../test/support/fake-telegram.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { startOwnRedis } from '../test/support/redis-server.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';

const tmp = useTempDirs('moviebot-roles-together-');
const ROUNDS = 5;
const USER = 9001;

describe.skipIf(!ML_LATEST_SMALL.present)('web, worker and bot started together on a fresh install', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  });

  async function stop(role: RunningCli): Promise<void> {
    if (role.process.exitCode !== null || role.process.signalCode !== null) return;
    role.process.kill('SIGTERM');
    const timer = setTimeout(() => role.process.kill('SIGKILL'), 10_000);
    await role.exited.finally(() => clearTimeout(timer));
  }

  /** One fresh install: Postgres with MovieLens imported, a Redis of its own, an empty DATA_DIR; the three roles at once. */
  async function round(n: number): Promise<void> {
    const db: TestDatabase = await freshPostgres();
    cleanups.push(() => db.drop());
    await importDataset({ database: db.database, dir: ML_LATEST_SMALL.dir });
    const redis = await startOwnRedis();
    cleanups.push(() => redis.stop());
    const telegram = new FakeTelegram();
    await telegram.start();
    cleanups.push(() => telegram.stop());
    const dataDir = path.join(tmp(), 'data');
    const env = { DATABASE_URL: db.url!, REDIS_URL: redis.url, DATA_DIR: dataDir, MOVIELENS_DIR: ML_LATEST_SMALL.dir, LOG_LEVEL: 'warn' };

    // The same instant: spawned in one synchronous pass.
    const roles = {
      web: spawnCli(['web'], { ...env, PORT: '0', HOST: '127.0.0.1' }),
      worker: spawnCli(['worker'], env),
      bot: spawnCli(['bot'], { ...env, TELEGRAM_TOKEN: '123:TEST', TELEGRAM_API_ROOT: telegram.apiRoot }),
    };
    cleanups.push(() => Promise.all(Object.values(roles).map(stop)));

    const [webOut] = await Promise.all([
      roles.web.waitFor(/web server on http:\/\/\S+ /, 120_000),
      roles.worker.waitFor(/worker ready/, 120_000),
      roles.bot.waitFor(/telegram: running as @moviebot_test_bot/, 120_000),
    ]);
    const context = `round ${n}`;

    // One model trained, and it is the active one.
    const rows = await db.database.sql.query<{ version: string; status: string; path: string }>('select version, status, path from model_versions');
    expect(rows, context).toHaveLength(1);
    expect(rows[0]!.status, context).toBe('active');
    const dir = path.resolve(dataDir, rows[0]!.path);
    expect((await loadModel(dir)).manifest.version, context).toBe(rows[0]!.version);
    const current = path.join(dataDir, 'models', 'current');
    if (fs.existsSync(current) || fs.lstatSync(current, { throwIfNoEntry: false })) {
      expect(fs.statSync(fs.realpathSync(current)).isDirectory(), context).toBe(true);
      expect(fs.realpathSync(current), context).toBe(fs.realpathSync(dir));
    }

    // Web answers /healthz with storage connected; the bot answers a member.
    const url = /web server on (http:\/\/\S+)/.exec(webOut)![1]!;
    const health = await fetch(`${url}/healthz`);
    expect(health.status, context).toBe(200);
    expect(((await health.json()) as { storage: { connected: boolean } }).storage.connected, context).toBe(true);
    const from = telegram.calls.length;
    telegram.text(USER, '/recommend');
    await telegram.waitFor('sendMessage', (b) => b.chat_id === USER, from, 30_000);
    for (const [name, role] of Object.entries(roles)) expect(role.process.exitCode, `${context}: ${name} exited`).toBeNull();
  }

  it(`five times: exactly one active model whose files exist, and all three roles serving`, async () => {
    for (let n = 1; n <= ROUNDS; n++) {
      await round(n);
      for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
    }
  }, 900_000);
});

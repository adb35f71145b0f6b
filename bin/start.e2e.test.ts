import fs from 'node:fs';
import path from 'node:path';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';
import { describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../test/support/databases.ts';
import { spawnCli, type RunningCli } from '../test/support/cli.ts';
import { buildZip, md5 } from '../data/fetch/test-zip.ts';
import { startServer } from '../data/fetch/test-server.ts';
import { writeFixture } from '../data/testing/fixtures.ts';
import { FakeTelegram } from '../test/support/fake-telegram.ts';
import { FakeDiscord } from '../test/support/fake-discord.ts';
import { FakeTmdb } from '../test/support/fake-tmdb.ts';

const ML_SMALL = ML_LATEST_SMALL.dir;
const tmp = useTempDirs();

interface Health {
  ok: boolean;
  bots: Record<string, string>;
  storage: { kind: string; connected: boolean };
  catalog: { movies: number; ratings: number; tags: number };
  redis: unknown;
  version: string;
  movies: string;
}

/** Starts `moviebot start`, waits for its banner, returns the running process and its /healthz. */
async function start(env: Record<string, string>): Promise<{ cli: RunningCli; banner: string; health: Health; status: number }> {
  const cli = spawnCli(['start'], { PORT: '0', HOST: '127.0.0.1', ...env });
  const banner = await cli.waitFor(/Press Ctrl-C to stop/, 120_000);
  const url = /web\s+(http:\/\/\S+)/.exec(banner)![1]!;
  const res = await fetch(`${url}/healthz`);
  return { cli, banner, health: (await res.json()) as Health, status: res.status };
}

/** Ctrl-C: the process must exit cleanly within 5 s. */
async function stop(cli: RunningCli): Promise<{ ms: number; code: number | null }> {
  const t = Date.now();
  cli.process.kill('SIGINT');
  const run = await cli.exited;
  return { ms: Date.now() - t, code: run.code };
}

const ML_SMALL_COUNTS = { movies: 9742, ratings: 100836, tags: 3683 };

describe.skipIf(!ML_LATEST_SMALL.present)('moviebot start with only MOVIELENS_DIR set', () => {
  it('comes up on embedded storage, imports once, answers /healthz and stops on Ctrl-C within 5 s', async () => {
    const env = { MOVIELENS_DIR: ML_SMALL, DATA_DIR: tmp() };
    const first = await start(env);
    expect(first.banner).toContain('importing MovieLens');
    expect(first.banner).toContain('embedded PGlite');
    expect(first.status).toBe(200);
    expect(first.health).toMatchObject({
      ok: true,
      storage: { kind: 'pglite', connected: true },
      catalog: ML_SMALL_COUNTS,
      redis: 'not configured',
      movies: 'MovieLens',
    });
    expect(first.banner).toMatch(/^ {2}movies {4}MovieLens \(set TMDB_API_KEY/m);
    const stopped = await stop(first.cli);
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(5_000);

    const second = await start(env);
    expect(second.banner).not.toMatch(/importing|Imported/i);
    expect(second.health.catalog).toEqual(ML_SMALL_COUNTS);
    expect((await stop(second.cli)).code).toBe(0);
  });

  it('gives the same counts on PostgreSQL (DATABASE_URL), and says when TMDB is the online source', async () => {
    const db = await createPostgresDatabase();
    const tmdb = new FakeTmdb();
    await tmdb.start();
    try {
      const { cli, health, banner } = await start({
        MOVIELENS_DIR: ML_SMALL,
        DATA_DIR: tmp(),
        DATABASE_URL: db.url,
        TMDB_API_URL: tmdb.apiUrl,
        TMDB_API_KEY: tmdb.apiKey,
      });
      expect(banner).toContain('PostgreSQL at 127.0.0.1:5432');
      expect(banner).toMatch(/^ {2}movies {4}MovieLens \+ TMDB \(/m);
      expect(health).toMatchObject({ ok: true, storage: { kind: 'postgres', connected: true }, catalog: ML_SMALL_COUNTS, movies: 'MovieLens + TMDB' });
      expect((await stop(cli)).code).toBe(0);
      // Starting asks TMDB nothing: cards and the scheduled jobs do, in the background.
      expect(tmdb.requests).toEqual([]);
    } finally {
      await tmdb.stop();
      await db.drop();
    }
  });

  it('starts both bots when their tokens and API roots are set, and they answer', async () => {
    const api = new FakeTelegram();
    const discord = new FakeDiscord();
    await api.start();
    await discord.start();
    try {
      const { cli, banner, health } = await start({
        MOVIELENS_DIR: ML_SMALL,
        DATA_DIR: tmp(),
        TELEGRAM_TOKEN: '123:TEST',
        TELEGRAM_API_ROOT: api.apiRoot,
        DISCORD_TOKEN: 'fake',
        DISCORD_APP_ID: discord.appId,
        DISCORD_API_URL: discord.apiUrl,
      });
      expect(banner).toContain('telegram  running as @moviebot_test_bot');
      expect(health.bots).toEqual({ discord: 'running as moviebot (gateway)', telegram: 'running as @moviebot_test_bot (long polling)' });
      const id = discord.interaction('1234567890123', 4, {
        id: '1',
        name: 'fav',
        type: 1,
        options: [{ name: 'add', type: 1, options: [{ name: 'movie', type: 3, value: 'matrix', focused: true }] }],
      });
      const auto = await discord.waitFor((c) => c.path.startsWith(`/interactions/${id}/`));
      expect(JSON.stringify(auto.body)).toContain('The Matrix (1999)');
      await api.waitFor('setMyCommands');
      api.text(9, '/fav the matrix');
      const reply = await api.waitFor('sendMessage', (b) => b.text === 'Which one?');
      expect(JSON.stringify(reply.body.reply_markup)).toContain('The Matrix (1999)');
      expect((await stop(cli)).code).toBe(0);
    } finally {
      await api.stop();
      await discord.stop();
    }
  });

  it('refuses a second process on the same embedded database with a clear message', async () => {
    const env = { MOVIELENS_DIR: ML_SMALL, DATA_DIR: tmp() };
    const first = await start(env);
    try {
      const second = spawnCli(['migrate'], env);
      const run = await second.exited;
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/in use by another moviebot process \(pid \d+\)/);
    } finally {
      await stop(first.cli);
    }
  });
});

describe('moviebot start on a fresh machine with nothing configured', () => {
  it('downloads ml-latest-small, verifies it and imports it', async () => {
    const fixtureDir = tmp();
    const fixture = await writeFixture(path.join(fixtureDir, 'ml-latest-small'), 'csv');
    const files = Object.fromEntries(fs.readdirSync(fixture.dir).map((f) => [`ml-latest-small/${f}`, fs.readFileSync(path.join(fixture.dir, f), 'utf8')]));
    const zip = await buildZip(files);
    const server = await startServer();
    server.routes.set('/datasets/movielens/ml-latest-small.zip', { body: zip });
    server.routes.set('/datasets/movielens/ml-latest-small.zip.md5', { body: `${md5(zip)}  ml-latest-small.zip\n` });
    try {
      const dataDir = tmp();
      const { cli, banner, health } = await start({ DATA_DIR: dataDir, MOVIELENS_BASE_URL: server.baseUrl });
      expect(banner).toContain('downloading MovieLens ml-latest-small');
      expect(health.catalog).toEqual({ movies: fixture.counts.movies, ratings: fixture.counts.ratings, tags: fixture.counts.tags });
      expect(fs.existsSync(path.join(dataDir, 'ml-latest-small', 'movies.csv'))).toBe(true);
      expect((await stop(cli)).code).toBe(0);
    } finally {
      await server.close();
    }
  });
});

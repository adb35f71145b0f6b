import path from 'node:path';
import { useTempDirs } from '../test/support/temp-dirs.ts';
import { describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../test/support/databases.ts';
import { runCli, spawnCli } from '../test/support/cli.ts';
import { writeFixture } from '../data/testing/fixtures.ts';
import { generateRatings } from '../data/bench/generate-ratings.ts';

const tmp = useTempDirs();

describe('moviebot --help', () => {
  it.each(['', 'start', 'migrate', 'data', 'data fetch', 'data import', 'catalog', 'catalog sync', 'train', 'recommend', 'chat', 'web', 'bot', 'worker'])(
    'moviebot %s --help',
    async (command) => {
      const run = await runCli([...command.split(' ').filter(Boolean), '--help'], {});
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: moviebot/m);
    },
  );
});

describe('configuration errors', () => {
  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['LOG_LEVEL', 'loud'],
    ['PUBLIC_URL', 'not a url'],
    ['DISCORD_APP_ID', 'abc'],
  ])('a bad %s stops the process with a message naming it', async (name, value) => {
    const run = await runCli(['migrate'], { [name]: value, DATA_DIR: tmp() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${name}:`);
    expect(run.stderr).not.toMatch(/NaN|Invalid input/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it('an unreachable PostgreSQL is a clear error, not a hang', async () => {
    const t = Date.now();
    const run = await runCli(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', DATA_DIR: tmp() });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot reach a configured service/);
    expect(Date.now() - t).toBeLessThan(15_000);
  });
});

describe('moviebot data import', () => {
  it('lists malformed rows as file:line and exits 1 without importing', async () => {
    const fixture = await writeFixture(tmp(), 'dat', { malformed: true });
    const dataDir = tmp();
    const run = await runCli(['data', 'import', '--from', fixture.dir], { DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    for (const location of fixture.locations) expect(run.stderr).toContain(location);
    expect(run.stderr).toContain('nothing was changed');
    expect(run.stderr).toContain('--skip-invalid');

    const skipped = await runCli(['data', 'import', '--from', fixture.dir, '--skip-invalid'], { DATA_DIR: dataDir });
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain(`${fixture.counts.movies} movies`);
    expect(skipped.stdout).toContain(`${fixture.problems.length} malformed row(s) left out`);
  });

  it('reports a folder without MovieLens files', async () => {
    const run = await runCli(['data', 'import', '--from', tmp()], { DATA_DIR: tmp() });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^moviebot: .*movies/m);
  });

  // A big enough release that the import is still writing ratings when killed.
  let bigRelease: string | undefined;
  async function bigDataset(): Promise<string> {
    if (bigRelease) return bigRelease;
    const dir = tmp();
    const fixture = await writeFixture(dir, 'csv');
    await generateRatings(
      path.join(dir, 'ratings.csv'),
      fixture.expected.movies.map((m) => m.id),
      3_000_000,
    );
    bigRelease = dir;
    return dir;
  }

  async function killMidImport(env: Record<string, string>) {
    const before = await writeFixture(tmp(), 'dat');
    const baseline = await runCli(['data', 'import', '--from', before.dir], env);
    expect(baseline.code).toBe(0);

    const cli = spawnCli(['data', 'import', '--from', await bigDataset()], env);
    await cli.waitFor(/Reading ratings/);
    await new Promise((r) => setTimeout(r, 300));
    cli.process.kill('SIGKILL');
    const run = await cli.exited;
    expect(run.signal).toBe('SIGKILL');
    expect(run.stdout).not.toContain('Imported');
    return before;
  }

  it('kill -9 in the middle of an import into PostgreSQL leaves the database as it was', async () => {
    const db = await createPostgresDatabase();
    try {
      const env = { DATABASE_URL: db.url, DATA_DIR: tmp() };
      const before = await killMidImport(env);
      const pg = (await import('pg')).default;
      const client = new pg.Client(db.url);
      await client.connect();
      const { rows } = await client.query(
        'SELECT (SELECT count(*)::int FROM movies) m, (SELECT count(*)::int FROM ratings) r, (SELECT count(*)::int FROM dataset_imports) i',
      );
      await client.end();
      expect(rows[0]).toEqual({ m: before.counts.movies, r: before.counts.ratings, i: 1 });
    } finally {
      await db.drop();
    }
  });

  it('kill -9 in the middle of an import into embedded PGlite leaves the database as it was', async () => {
    const env = { DATA_DIR: tmp() };
    const before = await killMidImport(env);
    // The dead process's lock is stale and taken over; PostgreSQL recovery discards the open transaction.
    const again = await runCli(['data', 'import', '--from', before.dir], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${before.counts.movies} movies`);
    const { openDatabase } = await import('../core/wiring.ts');
    const { silentLogger } = await import('../test/support/databases.ts');
    const database = await openDatabase({ databaseUrl: undefined, pgliteDir: path.join(env.DATA_DIR, 'pglite'), logger: silentLogger });
    try {
      const [row] = await database.sql.query<{ r: number; i: number }>(
        'SELECT (SELECT count(*)::int FROM ratings) r, (SELECT count(*)::int FROM dataset_imports) i',
      );
      expect(row).toEqual({ r: before.counts.ratings, i: 2 });
    } finally {
      await database.close();
    }
  });
});

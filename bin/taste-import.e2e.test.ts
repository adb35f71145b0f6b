/**
 * Issue 15, acceptance 1 (its import, seen and rec part) and the terminal's
 * bad-input suite: `moviebot chat` on a fresh DATA_DIR imports a real-format
 * Letterboxd ratings.csv, never recommends what it imported, and never again
 * a film marked seen, across conversations; refused files store nothing (the
 * database is read after the chats have quit).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { movieLabel, MovieCatalog } from '../core/index.ts';
import { createRepositories, openDatabase } from '../core/wiring.ts';
import { spawnCli, type RunningCli } from '../test/support/cli.ts';
import { silentLogger } from '../test/support/databases.ts';
import { nestedZip, zipBomb } from '../test/support/zips.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';

const tmp = useTempDirs('moviebot-taste-import-');
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../core/domain/import/testing/fixtures');

/** Types a line into the chat; resolves with what it printed once that matches `expect`. */
function typer(cli: RunningCli) {
  return async (line: string, expect: RegExp) => {
    const before = cli.output().stdout.length;
    cli.process.stdin.write(`${line}\n`);
    await cli.waitFor(new RegExp(`[\\s\\S]{${before}}[\\s\\S]*(?:${expect.source})`));
    return cli.output().stdout.slice(before);
  };
}

const titles = (text: string) => [...text.matchAll(/^ {2}\d\. (.+?) — /gm)].map((m) => m[1]!);

async function chat(env: Record<string, string>, user: string, firstStart = false) {
  const cli = spawnCli(['chat', '--user', user], env);
  // The first start imports MovieLens and trains.
  await cli.waitFor(/type help for commands/, firstStart ? 150_000 : 60_000);
  const say = typer(cli);
  const quit = async () => {
    cli.process.stdin.write('quit\n');
    expect((await cli.exited).code).toBe(0);
  };
  return { say, quit };
}

describe.skipIf(!ML_LATEST_SMALL.present)('moviebot chat: import, seen and watchlist', () => {
  it('refuses bad files storing nothing; imports a Letterboxd export, never recommends it or a film marked seen', async () => {
    const dataDir = tmp();
    const files = tmp();
    const env = { DATA_DIR: dataDir, MOVIELENS_DIR: ML_LATEST_SMALL.dir };
    const put = (name: string, content: string | Buffer) => {
      fs.writeFileSync(path.join(files, name), content);
      return path.join(files, name);
    };
    const ratings = put('letterboxd-ratings.csv', fs.readFileSync(path.join(FIXTURES, 'letterboxd/letterboxd-ratings.csv')));
    const big = put('big.csv', '');
    fs.truncateSync(big, 6 * 1024 * 1024);

    // Someone else first: every bad file gets a clear answer and stores nothing (checked in the database below).
    const mallory = await chat(env, 'mallory', true);
    expect(await mallory.say(`import ${path.join(files, 'missing.csv')}`, /No file at/)).toContain('Give the path of the export');
    expect(await mallory.say(`import ${put('empty.csv', '')}`, /Nothing was imported/)).toContain('empty.csv has no films in it.');
    expect(await mallory.say(`import ${big}`, /Nothing was imported/)).toContain('big.csv is 6.0 MB: an import can be at most 5 MB.');
    expect(await mallory.say(`import ${path.join(FIXTURES, 'goodreads_library_export.csv')}`, /Nothing was imported/)).toContain(
      'goodreads_library_export.csv is not an export this can read',
    );
    expect(await mallory.say(`import ${put('bomb.zip', await zipBomb())}`, /Nothing was imported/)).toContain(
      'bomb.zip was refused: it unpacks to far more than it weighs',
    );
    expect(await mallory.say(`import ${put('nested.zip', await nestedZip())}`, /Nothing was imported/)).toContain(
      'nested.zip was refused: it holds another archive',
    );
    await mallory.quit();

    const tester = await chat(env, 'tester');
    expect(await tester.say(`import ${ratings}`, /Imported|Nothing/)).toContain(
      'Imported 30 films: 18 👍, 4 👎, 8 seen; 2 not found: Parasite (2019), Everything Everywhere All at Once (2022).',
    );
    const first = titles(await tester.say('rec', /Rate with/));
    expect(first).toHaveLength(5);
    expect(await tester.say('seen 1', /seen/)).toContain(`👁 ${first[0]} — seen; it won't be recommended again.`);
    const shown = [...first];
    for (let page = 0; page < 3; page++) shown.push(...titles(await tester.say('rec', /Rate with/)));
    expect(shown.slice(5)).not.toContain(first[0]);
    await tester.quit();

    // A new conversation remembers nothing it showed: only the stores keep the film away.
    const again = await chat(env, 'tester');
    const fresh = titles(await again.say('rec', /Rate with/));
    expect(fresh).not.toContain(first[0]);
    expect(fresh.slice(0, 4)).toEqual(first.slice(1));
    shown.push(...fresh);
    expect(await again.say(`import ${ratings}`, /nothing changed|Imported/)).toContain('All of it was already here, so nothing changed.');
    await again.quit();

    const database = await openDatabase({ databaseUrl: undefined, pgliteDir: path.join(dataDir, 'pglite'), logger: silentLogger });
    try {
      const repos = createRepositories(database.db);
      expect(await repos.accounts.findUser('console', 'mallory')).toBeNull();
      const userId = (await repos.accounts.findUser('console', 'tester'))!;
      const rows = async (sql: string) => database.sql.query<{ movie_id: number; source: string }>(sql, [userId]);
      const feedback = await rows('SELECT movie_id, source FROM feedback_events WHERE user_id = $1');
      const seen = await rows('SELECT movie_id, source FROM seen WHERE user_id = $1');
      // Imported once, however many times it was given.
      expect(feedback).toHaveLength(22);
      expect(feedback.every((r) => r.source === 'import')).toBe(true);
      expect(seen.filter((r) => r.source === 'import')).toHaveLength(8);
      expect((await database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM feedback_events'))[0]!.n).toBe(22);
      expect((await database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM seen'))[0]!.n).toBe(9);

      const catalog = new MovieCatalog(await repos.catalog.allMovies());
      const imported = [...feedback, ...seen.filter((r) => r.source === 'import')].map((r) => movieLabel(catalog.get(r.movie_id)!));
      expect(new Set(imported).size).toBe(30);
      expect(shown.filter((t) => imported.includes(t))).toEqual([]);
      expect(seen.find((r) => r.source === 'command')).toBeDefined();
      expect(movieLabel(catalog.get(seen.find((r) => r.source === 'command')!.movie_id)!)).toBe(first[0]);
    } finally {
      await database.close();
    }
  }, 400_000);
});

import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, spawnCli, type RunningCli } from '../test/support/cli.ts';
import { FakeTmdb, NEW_2025_FILM, syntheticMovies } from '../test/support/fake-tmdb.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';
import { trainedPostgres } from '../test/support/trained-postgres.ts';

const tmp = useTempDirs('moviebot-catalog-sync-');

/** Types a line into the chat; resolves with what it printed once that matches `expect`. */
function typer(cli: RunningCli) {
  return async (line: string, expect: RegExp) => {
    const before = cli.output().stdout.length;
    cli.process.stdin.write(`${line}\n`);
    await cli.waitFor(new RegExp(`[\\s\\S]{${before}}[\\s\\S]*(?:${expect.source})`));
    return cli.output().stdout.slice(before);
  };
}

describe('moviebot catalog sync', () => {
  it('without TMDB configured says what to set, and changes nothing', async () => {
    const run = await runCli(['catalog', 'sync'], { DATA_DIR: tmp() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('set TMDB_API_KEY');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  describe.skipIf(!ML_LATEST_SMALL.present)('with a fake TMDB that knows a 2025 film MovieLens lacks', () => {
    const cleanups: (() => Promise<unknown>)[] = [];
    afterEach(async () => {
      for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
    });

    it('adds it, `moviebot chat` finds it with fav, and a chat already running finds a film synced later within a minute', async () => {
      const fake = new FakeTmdb();
      await fake.start();
      cleanups.push(() => fake.stop());
      const dataDir = path.join(tmp(), 'data');
      const { db } = await trainedPostgres(dataDir);
      cleanups.push(() => db.drop());
      const env = { DATA_DIR: dataDir, DATABASE_URL: db.url!, MOVIELENS_DIR: ML_LATEST_SMALL.dir, TMDB_API_URL: fake.apiUrl, TMDB_API_KEY: fake.apiKey };

      const sync = await runCli(['catalog', 'sync'], env);
      expect(sync.stderr).toBe('');
      expect(sync.code).toBe(0);
      expect(sync.stdout).toMatch(/^Added \d+ films from TMDB:$/m);
      expect(sync.stdout).toContain('  One Battle After Another (2025)');
      // The Matrix is trending too, and MovieLens has it: not added again.
      expect(sync.stdout).not.toContain('Matrix');
      expect(sync.stdout).toMatch(/^1 already in the catalog, 0 not released yet, 0 malformed record\(s\) skipped/m);

      const chat = spawnCli(['chat', '--user', 'fan'], env);
      cleanups.push(async () => (chat.process.kill('SIGKILL'), chat.exited));
      await chat.waitFor(/type help for commands/, 120_000);
      const say = typer(chat);
      const found = await say(`fav ${NEW_2025_FILM.title.toLowerCase()}`, /Type its number|No movie matches/);
      expect(found).toContain('1. One Battle After Another (2025)');
      expect(await say('1', /favourite/)).toContain('Saved One Battle After Another (2025)');

      // While the chat runs, another sync adds a film: the chat's search has it within a minute (the catalog follower's poll).
      const [later] = syntheticMovies(1, '2025-11-01', '2025-11-01', 1_500_000).map((m) => ({ ...m, title: 'Quietly Added Later' }));
      fake.add(later!);
      fake.trendingIds = [later!.id, ...fake.trendingIds];
      const again = await runCli(['catalog', 'sync'], env);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('  Quietly Added Later (2025)');
      const synced = Date.now();
      let answer = '';
      while (Date.now() - synced < 60_000) {
        answer = await say('fav quietly added later', /Type its number|No movie matches/);
        if (answer.includes('Quietly Added Later (2025)')) break;
        await new Promise((r) => setTimeout(r, 2_000));
      }
      expect(answer).toContain('1. Quietly Added Later (2025)');
      console.log(`[catalog sync] a running chat found the film ${((Date.now() - synced) / 1000).toFixed(1)} s after the sync finished`);

      chat.process.stdin.write('quit\n');
      expect((await chat.exited).code).toBe(0);
    }, 300_000);
  });
});

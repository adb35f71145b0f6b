import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli, type RunningCli } from '../test/support/cli.ts';
import { createPostgresDatabase } from '../test/support/databases.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';

const tmp = useTempDirs('moviebot-web-');

/**
 * The scaled-out layout of docker-compose: `moviebot web` as its own process
 * on the same Postgres as a bot (here the terminal one). A list shared in the
 * bot is served by the web process; a link revoked in the bot answers 404
 * there within a second, though no announcement crosses processes.
 */
describe.skipIf(!ML_LATEST_SMALL.present)('moviebot web beside a bot process', () => {
  const running: RunningCli[] = [];
  let drop: (() => Promise<void>) | null = null;
  afterAll(async () => {
    for (const cli of running) cli.process.kill('SIGKILL');
    await drop?.();
  });

  it('serves the shared list, drops a revoked link, and stops cleanly', async () => {
    const db = await createPostgresDatabase();
    drop = db.drop;
    const env = { DATABASE_URL: db.url, DATA_DIR: tmp(), MOVIELENS_DIR: ML_LATEST_SMALL.dir };
    const chat = spawnCli(['chat', '--user', 'web-tester'], env);
    running.push(chat);
    await chat.waitFor(/type help for commands/, 180_000);
    const say = async (line: string, expect: RegExp) => {
      const before = chat.output().stdout.length;
      chat.process.stdin.write(`${line}\n`);
      await chat.waitFor(new RegExp(`[\\s\\S]{${before}}[\\s\\S]*(?:${expect.source})`));
      return chat.output().stdout.slice(before);
    };
    for (const title of ['matrix', 'alien 1979', 'toy story']) {
      await say(`fav ${title}`, /Type its number/);
      await say('1', /favourite/);
    }
    const slug = /\/l\/([A-Za-z0-9_-]{21,})/.exec(await say('share', /Your page/))![1]!;

    const web = spawnCli(['web'], { ...env, PORT: '0', HOST: '127.0.0.1' });
    running.push(web);
    const url = /web server on (http:\/\/\S+)/.exec(await web.waitFor(/web server on http:\/\/\S+ /, 60_000))![1]!;
    const waitForPicks = async () => {
      for (let i = 0; i < 100; i++) {
        const body = await (await fetch(`${url}/l/${slug}`)).text();
        if (body.includes('Because of')) return body;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error('no recommendations on the page');
    };
    const page = await waitForPicks();
    expect(page).toContain('<span class="title">The Matrix</span>');
    expect(page).toContain('og:image');

    const fresh = /\/l\/([A-Za-z0-9_-]{21,})/.exec(await say('share revoke', /New link/))![1]!;
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await fetch(`${url}/l/${slug}`)).status).toBe(404);
    expect((await fetch(`${url}/l/${fresh}`)).status).toBe(200);

    web.process.kill('SIGINT');
    expect((await web.exited).code).toBe(0);
    chat.process.stdin.end();
  });
});

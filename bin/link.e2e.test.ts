import { describe, expect, it } from 'vitest';
import { spawnCli, type RunningCli } from '../test/support/cli.ts';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';

const tmp = useTempDirs('moviebot-link-');

/** Types a line into the chat; resolves with what it printed once that matches `expect`. */
function typer(cli: RunningCli) {
  return async (line: string, expect: RegExp) => {
    const before = cli.output().stdout.length;
    cli.process.stdin.write(`${line}\n`);
    await cli.waitFor(new RegExp(`[\\s\\S]{${before}}[\\s\\S]*(?:${expect.source})`));
    return cli.output().stdout.slice(before);
  };
}

const favourites = (text: string) => [...text.matchAll(/^ {2}\d+\. (.+?) — /gm)].map((m) => m[1]!);

/** One terminal user at a time: the embedded database in DATA_DIR belongs to one process. */
async function chatAs(user: string, dataDir: string, lines: (say: ReturnType<typeof typer>) => Promise<void>, startMs = 60_000) {
  const cli = spawnCli(['chat', '--user', user], { DATA_DIR: dataDir, MOVIELENS_DIR: ML_LATEST_SMALL.dir });
  await cli.waitFor(/type help for commands/, startMs);
  await lines(typer(cli));
  cli.process.stdin.write('quit\n');
  const run = await cli.exited;
  expect(run.code, run.stderr).toBe(0);
}

describe.skipIf(!ML_LATEST_SMALL.present)('moviebot chat: linking two users (issue 15, acceptance 1)', () => {
  it('`link` under --user a and `link <code>` under --user b make `favs` show the same list for both', async () => {
    const dataDir = tmp();
    let code = '';
    let listA: string[] = [];
    await chatAs(
      'a',
      dataDir,
      async (say) => {
        await say('fav matrix', /Type its number/);
        await say('1', /favourite/);
        listA = favourites(await say('favs', /Your favourites/));
        expect(listA).toEqual(['The Matrix (1999)']);
        code = /Your link code: ([2-9A-HJKMNP-Z]{8})/.exec(await say('link', /It works once/))![1]!;
      },
      120_000, // the first start imports MovieLens and trains
    );

    let listB: string[] = [];
    await chatAs('b', dataDir, async (say) => {
      await say('fav toy story', /Type its number/);
      await say('1', /favourite/);
      expect(await say('link WRONGCDE', /not a link code/)).toContain('make a new one with /link');
      expect(await say(`link ${code}`, /Linked with/)).toContain('Linked with your terminal account');
      listB = favourites(await say('favs', /Your favourites/));
      expect(await say(`link ${code}`, /already linked/)).toContain('These two accounts are already linked.');
    });
    expect(listB).toHaveLength(2);
    expect(listB).toEqual(expect.arrayContaining(['The Matrix (1999)', 'Toy Story (1995)']));

    await chatAs('a', dataDir, async (say) => {
      expect(favourites(await say('favs', /Your favourites/))).toEqual(listB);
    });
  }, 300_000);
});

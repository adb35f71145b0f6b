import { describe, expect, it } from 'vitest';
import { ML_LATEST_SMALL } from '../test/support/movielens.ts';
import { spawnCli } from '../test/support/cli.ts';
import { useTempDirs } from '../test/support/temp-dirs.ts';

const tmp = useTempDirs('moviebot-chat-');

describe.skipIf(!ML_LATEST_SMALL.present)('moviebot chat (the terminal adapter)', () => {
  it('goes from three favourites to recommendations that follow a 👎, then shares and forgets', async () => {
    const cli = spawnCli(['chat', '--user', 'tester'], { DATA_DIR: tmp(), MOVIELENS_DIR: ML_LATEST_SMALL.dir });
    await cli.waitFor(/type help for commands/, 120_000);
    const say = async (line: string, expect: RegExp) => {
      const before = cli.output().stdout.length;
      cli.process.stdin.write(`${line}\n`);
      await cli.waitFor(new RegExp(`[\\s\\S]{${before}}[\\s\\S]*(?:${expect.source})`));
      return cli.output().stdout.slice(before);
    };
    expect(await say('fav matirx', /Type its number/)).toContain('1. The Matrix (1999)');
    expect(await say('1', /favourite/)).toContain('Saved The Matrix (1999)');
    await say('fav star wars', /Type its number/);
    await say('1', /favourite/);
    await say('fav toy story', /Type its number/);
    await say('1', /favourite/);
    expect(await say('1', /Search first/)).toContain('Search first'); // no pending choice: no double add

    const first = await say('rec', /Rate with/);
    const titles = (text: string) => [...text.matchAll(/^ {2}\d\. (.+?) — /gm)].map((m) => m[1]);
    const firstList = titles(first);
    expect(firstList).toHaveLength(5);
    expect(first).toContain('because you liked');
    expect(await say('-1', /noted/)).toContain(`👎 ${firstList[0]}`);
    const second = titles(await say('rec', /Rate with/));
    expect(second).toHaveLength(5);
    for (const t of firstList) expect(second).not.toContain(t);

    expect(await say('share', /Your page/)).toMatch(/http:\/\/localhost:3000\/l\/[A-Za-z0-9_-]{24}/);
    expect(await say('forget', /confirm/)).toContain('forget yes');
    expect(await say('forget yes', /deleted/)).toContain('everything about you is deleted');
    expect(await say('favs', /No favourites yet/)).toContain('No favourites yet');
    expect(await say('x'.repeat(10_000), /Unknown command/)).toContain('Unknown command');
    expect(await say('fav 🎬🍿', /No movie matches|Type its number/)).toBeTruthy();

    cli.process.stdin.write('quit\n');
    const run = await cli.exited;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Bye!');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { nestedZip, zipBomb } from '../../test/support/zips.ts';
import { useTempDirs } from '../../test/support/temp-dirs.ts';
import { botDeps, GENERIC_APOLOGY, tasteOf } from '../testing/bot-deps.ts';
import { ChatSession } from './chat-session.ts';
import { ME } from './testing/console-chat.ts';

const tmp = useTempDirs('moviebot-chat-session-');
let d: Awaited<ReturnType<typeof botDeps>>;
let chat: ChatSession;
beforeEach(async () => {
  d = await botDeps();
  chat = new ChatSession(d.deps, d.share, ME, d.logger);
});

describe('ChatSession', () => {
  it('a whole conversation: search, pick, list, recommend, rate', async () => {
    expect((await chat.handle('fav horror 41'))[1]).toBe('  1. Horror 41 (2000) — Horror');
    expect(await chat.handle('1')).toEqual(['Saved Horror 41 (2000) as a favourite.']);
    expect(await chat.handle('/FAVS')).toEqual(['Your favourites:', '  1. Horror 41 (2000) — Horror']);
    const rec = await chat.handle('rec');
    expect(rec[0]).toBe('You might like:');
    const second = /^ {2}2\. (.+?) —/.exec(rec[2]!)![1];
    expect(await chat.handle('-2')).toEqual([`👎 ${second} — noted; the next list takes it into account.`]);
    expect((await tasteOf(d.deps, 'console', 'local')).feedback).toMatchObject([{ value: -1, source: 'command' }]);
  });

  it('answers help, blank lines and unknown words', async () => {
    expect(await chat.handle('   ')).toEqual([]);
    const help = await chat.handle('help');
    expect(help[0]).toBe('Commands:');
    for (const usage of [
      'fav <title>',
      'favs',
      'unfav <number>',
      'rec',
      '+N | -N',
      'seen N',
      'later N',
      'watchlist',
      'import <path>',
      'share [revoke]',
      'forget',
      '<number>',
      'quit',
    ]) {
      expect(help.some((l) => l.trimStart().startsWith(usage))).toBe(true);
    }
    expect(await chat.handle(`${'x'.repeat(80)} now`)).toEqual([`Unknown command “${'x'.repeat(40)}”. Type help for the list.`]);
  });

  it("shows a UserError's own message and logs nothing", async () => {
    d.deps.model = () => null;
    expect(await chat.handle('rec')).toEqual(['Recommendations are still being prepared; try again in a minute.']);
    expect(d.logger.lines).toEqual([]);
  });

  it('answers an unexpected failure with the generic apology, leaking nothing, and logs it with the command', async () => {
    d.deps.accounts.findUser = async () => {
      throw new Error('ECONNREFUSED 127.0.0.1:5432');
    };
    expect(await chat.handle('favs')).toEqual([GENERIC_APOLOGY]);
    expect(d.logger.lines).toMatchObject([{ level: 'error', fields: { command: 'favs' }, message: 'console command failed' }]);
  });

  it('cuts a long pasted line before searching', async () => {
    const out = await chat.handle(`fav ${'q'.repeat(2000)}`);
    expect(out).toEqual([`No movie matches “${'q'.repeat(100)}”. Try fewer words or another spelling.`]);
  });

  it('words a refused import in its own terms, says nothing was imported, and logs nothing', async () => {
    const dir = tmp();
    const write = (name: string, content: string | Buffer) => (fs.writeFileSync(path.join(dir, name), content), path.join(dir, name));
    expect(await chat.handle(`import ${write('bomb.zip', await zipBomb())}`)).toEqual([
      'bomb.zip was refused: it unpacks to far more than it weighs (a ZIP bomb?). Nothing was imported.',
    ]);
    expect(await chat.handle(`import ${write('nested.zip', await nestedZip())}`)).toEqual([
      'nested.zip was refused: it holds another archive (only the export’s own files are read). Nothing was imported.',
    ]);
    expect(await chat.handle(`import ${write('empty.csv', '')}`)).toEqual(['empty.csv has no films in it. Nothing was imported.']);
    expect((await chat.handle(`import ${write('books.csv', 'Book Id,Title,Author\n1,The Hobbit,Tolkien\n')}`))[0]).toMatch(
      /^books\.csv is not an export this can read: give Letterboxd's export .* Nothing was imported\.$/,
    );
    expect(d.logger.lines).toEqual([]);
    expect(d.deps.accounts.accounts.size).toBe(0);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../core/index.ts';
import { exportZip, nestedZip, zipBomb } from '../../../test/support/zips.ts';
import { useTempDirs } from '../../../test/support/temp-dirs.ts';
import { consoleChat } from '../testing/console-chat.ts';
import { importCommand } from './import.command.ts';

const tmp = useTempDirs('moviebot-console-import-');

/** A Letterboxd ratings.csv of the small world's films (sci-fi 👍, a horror 👎, a romance seen) and one it lacks. */
const RATINGS = [
  'Date,Name,Year,Letterboxd URI,Rating',
  '2023-01-04,Sci-Fi 1,2000,https://boxd.it/a,5',
  '2023-01-05,Sci-Fi 2,2000,https://boxd.it/b,4',
  '2023-01-06,Horror 41,2000,https://boxd.it/c,1',
  '2023-01-07,Romance 21,2000,https://boxd.it/d,3',
  '2023-01-08,Nowhere Film,1990,https://boxd.it/e,5',
].join('\n');

function file(name: string, content: string | Buffer): string {
  const where = path.join(tmp(), name);
  fs.writeFileSync(where, content);
  return where;
}

/** What the import stored for the terminal's person: their feedback events, seen films and watchlist. */
async function stored(d: Awaited<ReturnType<typeof consoleChat>>) {
  const userId = await d.deps.accounts.findUser('console', 'local');
  if (userId === null) return { events: 0, seen: 0, later: 0 };
  return {
    events: (await d.deps.feedback.history(userId)).length,
    seen: (await d.deps.seen.list(userId)).length,
    later: (await d.deps.watchlist.list(userId)).length,
  };
}

describe('import <path>', () => {
  it('imports an export from a path and reports the counts; the same file again changes nothing', async () => {
    const d = await consoleChat();
    const where = file('ratings.csv', RATINGS);
    expect(await importCommand.run(d.ctx, where)).toEqual([
      'Imported 4 films: 2 👍, 1 👎, 1 seen; 1 not found: Nowhere Film (1990).',
      'Type rec for recommendations that take it into account.',
    ]);
    expect(await stored(d)).toEqual({ events: 3, seen: 1, later: 0 });
    const userId = (await d.deps.accounts.findUser('console', 'local'))!;
    expect((await d.deps.feedback.history(userId)).map((h) => h.source)).toEqual(['import', 'import', 'import']);
    expect(await importCommand.run(d.ctx, `"${where}"`)).toEqual([expect.stringMatching(/All of it was already here, so nothing changed\.$/)]);
    expect(await stored(d)).toEqual({ events: 3, seen: 1, later: 0 });
  });

  it("reads Letterboxd's export ZIP: ratings, watched films, likes and the watchlist", async () => {
    const d = await consoleChat();
    const csv = (...rows: string[]) => ['Date,Name,Year,Letterboxd URI', ...rows].join('\n');
    const zip = await exportZip({
      'ratings.csv': RATINGS,
      'watched.csv': csv('2023-01-04,Sci-Fi 1,2000,https://boxd.it/a', '2023-02-01,Sci-Fi 5,2000,https://boxd.it/f'),
      'watchlist.csv': csv('2023-03-01,Horror 45,2000,https://boxd.it/g'),
      'likes/films.csv': csv('2023-01-07,Romance 21,2000,https://boxd.it/d'),
      'lists/favourites.csv': csv('2023-01-04,Sci-Fi 9,2000,https://boxd.it/h'),
    });
    expect((await importCommand.run(d.ctx, file('letterboxd-export.zip', zip)))[0]).toBe(
      'Imported 6 films: 3 👍, 1 👎, 1 seen, 1 to watch; 1 not found: Nowhere Film (1990).',
    );
    expect(await stored(d)).toEqual({ events: 4, seen: 1, later: 1 });
  });

  it('takes a path with spaces, quoted or not', async () => {
    const d = await consoleChat();
    const where = file('my ratings.csv', RATINGS);
    expect((await importCommand.run(d.ctx, where))[0]).toMatch(/^Imported 4 films/);
    expect((await importCommand.run(d.ctx, `'${where}'`))[0]).toMatch(/nothing changed/);
  });

  it('says clearly what is wrong with a path, storing nothing', async () => {
    const d = await consoleChat();
    expect(await importCommand.run(d.ctx, '')).toEqual([expect.stringMatching(/^Give the file to import: import <path> — Letterboxd's export/)]);
    const missing = path.join(tmp(), 'nope.csv');
    expect(await importCommand.run(d.ctx, missing)).toEqual([
      `No file at ${missing}. Give the path of the export, e.g. import ~/Downloads/letterboxd-export.zip`,
    ]);
    const folder = tmp();
    expect(await importCommand.run(d.ctx, folder)).toEqual([`${folder} is a folder: give the export file itself (the ZIP, or a CSV or JSON from it).`]);
    expect(await importCommand.run(d.ctx, '/dev/null')).toEqual(['/dev/null is not a file.']);
    expect(await stored(d)).toEqual({ events: 0, seen: 0, later: 0 });
  });

  it('refuses a file over 5 MB by its size, before reading it', async () => {
    const d = await consoleChat();
    const where = path.join(tmp(), 'huge.csv');
    // Sparse: 6 MB long without writing 6 MB.
    fs.writeFileSync(where, RATINGS);
    fs.truncateSync(where, 6 * 1024 * 1024);
    expect(await importCommand.run(d.ctx, where)).toEqual([
      `huge.csv is 6.0 MB: an import can be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Nothing was imported.`,
    ]);
    expect(accountsOf(d)).toBe(0);
  });

  it('an empty file, another site’s CSV, a ZIP bomb or a nested ZIP: a UserError the chat words, nothing stored', async () => {
    const d = await consoleChat();
    for (const [name, content, code] of [
      ['empty.csv', '', 'IMPORT_EMPTY'],
      ['goodreads_library_export.csv', 'Book Id,Title,Author,My Rating\n5907,The Hobbit,J.R.R. Tolkien,5\n', 'IMPORT_UNKNOWN_FORMAT'],
      ['letterboxd-bomb.zip', await zipBomb(), 'IMPORT_BAD_ARCHIVE'],
      ['letterboxd-nested.zip', await nestedZip(), 'IMPORT_BAD_ARCHIVE'],
    ] as const) {
      await expect(importCommand.run(d.ctx, file(name, content))).rejects.toMatchObject({ code });
    }
    expect(accountsOf(d)).toBe(0);
    expect(d.deps.feedback.events).toEqual([]);
  });
});

const accountsOf = (d: Awaited<ReturnType<typeof consoleChat>>) => d.deps.accounts.accounts.size;

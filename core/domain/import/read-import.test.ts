import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './limits.ts';
import { readImport } from './read-import.ts';
import { fixture, FIXTURES_DIR, textFile } from './testing/fixtures.ts';
import { MemoryArchiveReader } from './testing/memory-archive.ts';
import type { ImportEntry, ImportFile, ImportKind } from './types.ts';

/** A plain file never touches the archive reader; one that does fails the test. */
const noArchives = new MemoryArchiveReader('corrupt');
const read = (file: ImportFile) => readImport(file, noArchives);

function kinds(entries: readonly ImportEntry[]): Record<ImportKind, number> {
  const counts = { like: 0, dislike: 0, seen: 0, watchlist: 0 };
  for (const entry of entries) counts[entry.kind]++;
  return counts;
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const err = await promise.then(
    () => new Error('expected a UserError'),
    (e: unknown) => e,
  );
  if (!(err instanceof UserError)) throw err;
  return err;
}

const letterboxd = (name: string, rows: string[], header = 'Date,Name,Year,Letterboxd URI,Rating') => textFile(name, [header, ...rows].join('\n'));

describe("Letterboxd's CSVs", () => {
  it('reads ratings.csv: ≥ 4 stars 👍, ≤ 2 👎, the rest seen, with titles, years and dates', async () => {
    const { format, entries } = await read(fixture('letterboxd/letterboxd-ratings.csv'));
    expect(format).toBe('letterboxd');
    expect(entries).toHaveLength(32);
    expect(kinds(entries)).toEqual({ like: 20, dislike: 4, seen: 8, watchlist: 0 });
    expect(entries[0]).toEqual({ key: { title: 'The Matrix', year: 1999 }, kind: 'like', at: new Date('2023-01-04T00:00:00Z') });
    expect(entries.find((e) => e.key.title.startsWith('Lock'))).toMatchObject({
      key: { title: 'Lock, Stock and Two Smoking Barrels', year: 1998 },
      kind: 'seen',
    });
    expect(entries.find((e) => e.key.title === 'Amélie')?.kind).toBe('like');
  });

  it("tells watched, watchlist and likes apart by the file's name, as their columns are the same", async () => {
    expect(kinds((await read(fixture('letterboxd/watched.csv'))).entries)).toEqual({ like: 0, dislike: 0, seen: 35, watchlist: 0 });
    expect(kinds((await read(fixture('letterboxd/watchlist.csv'))).entries)).toEqual({ like: 0, dislike: 0, seen: 0, watchlist: 5 });
    // Uploaded alone, likes/films.csv is just "films.csv".
    expect(kinds((await read(fixture('letterboxd/likes/films.csv'))).entries)).toEqual({ like: 4, dislike: 0, seen: 0, watchlist: 0 });
    expect(kinds((await read(fixture('letterboxd/likes/films.csv', 'letterboxd-likes.csv'))).entries).like).toBe(4);
  });

  it('reads the same from a copy saved with a byte-order mark and CRLF line ends', async () => {
    const plain = fs.readFileSync(path.join(FIXTURES_DIR, 'letterboxd/letterboxd-ratings.csv'), 'utf8');
    const windows = textFile('ratings.csv', `\uFEFF${plain.replaceAll('\n', '\r\n')}`);
    expect((await read(windows)).entries).toEqual((await read(fixture('letterboxd/letterboxd-ratings.csv'))).entries);
  });

  it('draws the lines at 4 and 2 stars; a diary row without stars is seen', async () => {
    const rows = ['5', '4', '3.5', '2.5', '2', '0.5', ''].map((stars, i) => `2024-01-0${i + 1},Film ${i},2000,https://boxd.it/x${i},${stars}`);
    const { entries } = await read(letterboxd('diary.csv', rows));
    expect(entries.map((e) => e.kind)).toEqual(['like', 'like', 'seen', 'seen', 'dislike', 'dislike', 'seen']);
  });

  it('takes a film without a year (Letterboxd has some) and keeps an unreadable date out', async () => {
    const { entries } = await read(letterboxd('ratings.csv', ['someday,Untitled Short,,https://boxd.it/y,4']));
    expect(entries).toEqual([{ key: { title: 'Untitled Short', year: null }, kind: 'like' }]);
  });

  it.each([
    ['a rating out of range', '2024-01-01,Heat,1995,https://boxd.it/a,6', /line 3: "6" is not a rating from 0\.5 to 5/],
    ['a rating that is not a number', '2024-01-01,Heat,1995,https://boxd.it/a,four', /line 3: "four" is not a rating/],
    ['a broken year', '2024-01-01,Heat,95,https://boxd.it/a,4', /line 3: "95" is not a year/],
    ['a film with no name', '2024-01-01,,1995,https://boxd.it/a,4', /line 3: the film has no name/],
    ['a row with too many fields', '2024-01-01,Heat,1995,https://boxd.it/a,4,5', /line 3: the row has a different number of fields/],
    ['a quote never closed', '2024-01-01,"Heat,1995,https://boxd.it/a,4', /a quoted field is never closed/],
  ])('refuses the whole file over %s, naming the line', async (_, row, message) => {
    const err = await failure(read(letterboxd('ratings.csv', ['2024-01-01,Alien,1979,https://boxd.it/b,4', row])));
    expect(err.code).toBe('IMPORT_MALFORMED');
    expect(err.message).toMatch(message);
    expect(err.details.file).toBe('ratings.csv');
  });

  it('calls a header without rows empty', async () => {
    expect((await failure(read(letterboxd('watchlist.csv', [])))).code).toBe('IMPORT_EMPTY');
  });
});

describe("IMDb's ratings export", () => {
  it('reads tt-ids and 1–10 ratings (≥ 8 👍, ≤ 4 👎) and leaves out TV series', async () => {
    const { format, entries, skipped } = await read(fixture('imdb-ratings.csv'));
    expect(format).toBe('imdb');
    expect(skipped).toBe(2);
    expect(entries).toHaveLength(11);
    expect(kinds(entries)).toEqual({ like: 6, dislike: 2, seen: 3, watchlist: 0 });
    expect(entries[0]).toEqual({ key: { imdbId: 133093, title: 'The Matrix', year: 1999 }, kind: 'like', at: new Date('2024-03-15T00:00:00Z') });
    expect(entries.find((e) => e.key.imdbId === 190332)?.key.title).toBe('Crouching Tiger, Hidden Dragon');
  });

  it('reads the older export (no Original Title, camel-case title types) the same', async () => {
    const file = textFile(
      'ratings.csv',
      [
        'Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors',
        'tt0133093,9,2019-03-14,The Matrix,https://www.imdb.com/title/tt0133093/,movie,8.7,136,1999,"Action, Sci-Fi",1500000,1999-03-31,"Lana Wachowski, Lilly Wachowski"',
        'tt0903747,10,2019-03-15,Breaking Bad,https://www.imdb.com/title/tt0903747/,tvSeries,9.5,49,2008,Drama,1500000,2008-01-20,',
        'tt0959621,9,2019-03-16,Pilot,https://www.imdb.com/title/tt0959621/,tvEpisode,9.0,58,2008,Drama,30000,2008-01-20,Vince Gilligan',
      ].join('\n'),
    );
    const { entries, skipped } = await read(file);
    expect(entries.map((e) => e.key.imdbId)).toEqual([133093]);
    expect(skipped).toBe(2);
  });

  it('reads the watchlist export as "later", and a rated film on it by its rating', async () => {
    const header =
      'Position,Const,Created,Modified,Description,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors,Your Rating,Date Rated';
    const rows = [
      '1,tt0079944,2024-01-03,2024-01-03,,Stalker,Stalker,https://www.imdb.com/title/tt0079944/,Movie,8.0,162,1979,"Drama, Sci-Fi",150000,1979-05-25,Andrei Tarkovsky,,',
      '2,tt0133093,2024-01-04,2024-01-04,,The Matrix,The Matrix,https://www.imdb.com/title/tt0133093/,Movie,8.7,136,1999,"Action, Sci-Fi",2201331,1999-03-31,"Lana Wachowski, Lilly Wachowski",10,2024-02-01',
    ];
    const { entries } = await read(textFile('WATCHLIST.csv', [header, ...rows].join('\n')));
    expect(entries).toEqual([
      { key: { imdbId: 79944, title: 'Stalker', year: 1979 }, kind: 'watchlist', at: new Date('2024-01-03T00:00:00Z') },
      { key: { imdbId: 133093, title: 'The Matrix', year: 1999 }, kind: 'like', at: new Date('2024-02-01T00:00:00Z') },
    ]);
    // Another list's unrated films say nothing about taste.
    expect((await failure(read(textFile('ls012345678.csv', [header, rows[0]].join('\n'))))).code).toBe('IMPORT_EMPTY');
  });

  it.each([
    ['a rating of 11', 'tt0133093,11,2024-03-15,The Matrix,movie,1999', /"11" is not a rating from 1 to 10/],
    ['a half point', 'tt0133093,7.5,2024-03-15,The Matrix,movie,1999', /"7\.5" is not a rating from 1 to 10/],
    ['an id that is not a tt-id', '133093,7,2024-03-15,The Matrix,movie,1999', /"133093" is not an IMDb id/],
  ])('refuses %s', async (_, row, message) => {
    const err = await failure(read(textFile('ratings.csv', `Const,Your Rating,Date Rated,Title,Title Type,Year\n${row}\n`)));
    expect(err.code).toBe('IMPORT_MALFORMED');
    expect(err.message).toMatch(message);
  });
});

describe("Trakt's JSON export", () => {
  it('reads ratings, watched and watchlist items by their ids, leaving shows out', async () => {
    const { format, entries, skipped } = await read(fixture('trakt-export.json'));
    expect(format).toBe('trakt');
    expect(skipped).toBe(1);
    expect(entries.map((e) => [e.key.title, e.kind])).toEqual([
      ['The Matrix', 'like'],
      ['Titanic', 'dislike'],
      ['Inception', 'seen'],
      ['Heat', 'seen'],
      ['The Matrix', 'seen'],
      ['Klaus', 'seen'],
      ['Stalker', 'watchlist'],
    ]);
    expect(entries[0]).toEqual({ key: { imdbId: 133093, tmdbId: 603, title: 'The Matrix', year: 1999 }, kind: 'like', at: new Date('2024-02-10T21:14:07Z') });
    expect(entries[2]?.key).toEqual({ tmdbId: 27205, title: 'Inception', year: 2010 });
  });

  it('reads a single list saved as an array', async () => {
    const item = { rated_at: '2024-02-10T21:14:07.000Z', rating: 3, type: 'movie', movie: { title: 'Heat', year: 1995, ids: { imdb: 'tt0113277' } } };
    expect((await read(textFile('ratings-movies.json', JSON.stringify([item])))).entries).toEqual([
      { key: { imdbId: 113277, title: 'Heat', year: 1995 }, kind: 'dislike', at: new Date('2024-02-10T21:14:07Z') },
    ]);
  });

  it('refuses JSON that is not Trakt, broken JSON and a bad rating; calls empty lists empty', async () => {
    expect((await failure(read(textFile('export.json', '{"books":[{"title":"Dune"}]}')))).code).toBe('IMPORT_UNKNOWN_FORMAT');
    expect((await failure(read(textFile('export.json', '[{"movie": {"title": "Heat"}')))).code).toBe('IMPORT_UNKNOWN_FORMAT');
    const bad = await failure(read(textFile('ratings.json', '[{"rating": 11, "movie": {"title": "Heat", "ids": {}}}]')));
    expect([bad.code, bad.message]).toEqual(['IMPORT_MALFORMED', 'ratings.json, item 1: 11 is not a rating from 1 to 10. Nothing was imported.']);
    expect((await failure(read(textFile('watchlist.json', '{"watchlist": [], "ratings": []}')))).code).toBe('IMPORT_EMPTY');
  });
});

describe('limits', () => {
  it(`refuses a file over ${MAX_IMPORT_BYTES / 1024 / 1024} MB before reading it`, async () => {
    const err = await failure(read({ name: 'ratings.csv', bytes: new Uint8Array(6 * 1024 * 1024) }));
    expect([err.code, err.details]).toEqual(['IMPORT_TOO_LARGE', { limit: MAX_IMPORT_BYTES, unit: 'bytes' }]);
    expect(err.message).toBe('That is too much to import at once: the limit is 5 MB.');
  });

  it(`takes ${MAX_IMPORT_ROWS} rows and refuses one more`, async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `2024-01-01,Film ${i},2000,https://boxd.it/${i}`);
    const header = 'Date,Name,Year,Letterboxd URI';
    expect((await read(letterboxd('watched.csv', rows(MAX_IMPORT_ROWS), header))).entries).toHaveLength(MAX_IMPORT_ROWS);
    const err = await failure(read(letterboxd('watched.csv', rows(MAX_IMPORT_ROWS + 1), header)));
    expect([err.code, err.details]).toEqual(['IMPORT_TOO_LARGE', { limit: MAX_IMPORT_ROWS, unit: 'rows' }]);
    expect(err.message).toBe('That is too much to import at once: the limit is 20,000 rows.');
    const items = JSON.stringify(Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => ({ plays: 1, movie: { title: 'Heat' } })));
    expect((await failure(read(textFile('watched.json', items)))).details.unit).toBe('rows');
  });
});

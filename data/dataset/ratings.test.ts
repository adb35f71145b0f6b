import { stat, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing/temp-dir.ts';
import { readRatings } from './readers.ts';
import { DatasetError, type DatasetFiles, type Layout, type RatingBatch, type ReadOptions } from './types.ts';

const tmp = useTempDir();
const HEADER = 'userId,movieId,rating,timestamp\n';

async function ratingsFile(content: string | Buffer, layout: Layout = 'csv'): Promise<DatasetFiles> {
  const name = `ratings-${Math.random()}`;
  await writeFile(tmp(name), content);
  return { dir: tmp(), layout, description: layout, movies: tmp('movies.csv'), ratings: tmp(name) };
}

async function read(files: DatasetFiles, opts: ReadOptions = {}) {
  const batches: RatingBatch[] = [];
  for await (const batch of readRatings(files, opts)) batches.push(batch);
  const rows = batches.flatMap((b) => Array.from({ length: b.count }, (_, i) => [b.userIds[i], b.movieIds[i], b.ratings[i], b.timestamps[i]]));
  const problems = batches.flatMap((b) => b.problems.map((p) => `${p.line}: ${p.message}`));
  return { batches, rows, problems };
}

describe('readRatings', () => {
  it('parses csv rows into typed columns', async () => {
    const { rows, problems } = await read(await ratingsFile(`${HEADER}1,1,4.0,964982703\n2,31,2.5,964982224\n`));
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      [1, 1, 4, 964982703],
      [2, 31, 2.5, 964982224],
    ]);
  });

  it('handles \\r\\n, blank lines and a missing final newline', async () => {
    const { rows, problems } = await read(await ratingsFile(`${HEADER.trim()}\r\n1,1,4,1\r\n\r\n2,2,0.5,2`));
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      [1, 1, 4, 1],
      [2, 2, 0.5, 2],
    ]);
  });

  it('accepts what the fast path does not: quotes, spaces, 10-digit ids', async () => {
    const files = await ratingsFile(`${HEADER}"1","2","3.5","100"\n 3 , 4 ,5, 6\n2147483647,1,1,1\n`);
    const { rows, problems } = await read(files);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      [1, 2, 3.5, 100],
      [3, 4, 5, 6],
      [2147483647, 1, 1, 1],
    ]);
  });

  it('reports each bad row with its line and what is wrong', async () => {
    const bad = [
      '1,1,7,1', // 2
      '1,1,0,1',
      '1,1,abc,1',
      '1,1,4.0', // 5
      '1,1,4.0,1,9',
      '0,1,4,1',
      'x,1,4,1',
      '1,2147483648,4,1',
      '1,1,4,-1', // 10
      '1,1,4,',
      '1,"1,4,1',
    ];
    const { rows, problems } = await read(await ratingsFile(`${HEADER}${bad.join('\n')}\n5,5,5,5\n`));
    expect(rows).toEqual([[5, 5, 5, 5]]);
    expect(problems).toEqual([
      '2: rating must be between 0.5 and 5, got 7',
      '3: rating must be between 0.5 and 5, got 0',
      '4: rating must be a number, got "abc"',
      '5: expected 4 fields, got 3',
      '6: expected 4 fields, got 5',
      '7: userId must be between 1 and 2147483647, got 0',
      '8: userId must be a positive integer, got "x"',
      '9: movieId must be between 1 and 2147483647, got 2147483648',
      '10: timestamp must be a non-negative integer, got "-1"',
      '11: timestamp must be a non-negative integer, got nothing',
      '12: a quoted field is not closed on this line',
    ]);
  });

  it('reports movies missing from movieIds, naming the movies file', async () => {
    const files = await ratingsFile(`${HEADER}1,1,4,1\n1,99999,4,1\n`);
    const { rows, problems } = await read(files, { movieIds: new Set([1]) });
    expect(rows).toHaveLength(1);
    expect(problems).toEqual(['3: movieId 99999 is not in movies.csv']);
  });

  it('reads the :: and tab layouts, checking whole stars for ml-100k', async () => {
    const dat = await read(await ratingsFile('1::1193::5::978300760\n2::1::3.5::978300761\n', 'dat'));
    expect(dat.problems).toEqual([]);
    expect(dat.rows).toEqual([
      [1, 1193, 5, 978300760],
      [2, 1, 3.5, 978300761],
    ]);
    const ml100k = await read(await ratingsFile('196\t242\t3\t881250949\n1\t1\t3.5\t1\n1\t1\t4.0\t1\n', 'ml-100k'));
    expect(ml100k.rows).toEqual([
      [196, 242, 3, 881250949],
      [1, 1, 4, 1],
    ]);
    expect(ml100k.problems).toEqual(['2: rating must be a whole number from 1 to 5, got 3.5']);
  });

  it('batches rows and problems, with typed arrays sized to the count', async () => {
    const body = Array.from({ length: 10 }, (_, i) => (i === 4 ? 'bad' : `${i + 1},1,3,${i}`)).join('\n');
    const files = await ratingsFile(`${HEADER}${body}\n`);
    const { batches, rows } = await read(files, { batchSize: 4 });
    expect(batches.map((b) => [b.count, b.problems.length])).toEqual([
      [4, 0],
      [3, 1],
      [2, 0],
    ]);
    for (const b of batches) expect(b.ratings.length).toBe(b.count);
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10]);
    const bytes = batches.map((b) => b.bytesRead);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(bytes.at(-1)).toBe((await stat(files.ratings!)).size);
  });

  it('reads files larger than one read buffer without losing a line', async () => {
    const n = 200_000;
    const body = Array.from({ length: n }, (_, i) => `${(i % 610) + 1},${i + 1},${((i % 10) + 1) / 2},${i}`);
    const { rows, problems } = await read(await ratingsFile(`${HEADER}${body.join('\n')}\n`));
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(n);
    expect(rows.at(-1)).toEqual([((n - 1) % 610) + 1, n, (((n - 1) % 10) + 1) / 2, n - 1]);
    expect(rows.reduce((sum, r) => sum + (r[1] as number), 0)).toBe((n * (n + 1)) / 2);
  });

  it('throws DatasetError for a wrong header, an empty file, or no ratings file', async () => {
    await expect(read(await ratingsFile('user,movie,rating,time\n1,1,4,1\n'))).rejects.toThrow(
      /ratings-.*: expected the header "userId,movieId,rating,timestamp", found "user,movie,rating,time"/,
    );
    await expect(read(await ratingsFile(''))).rejects.toThrow(DatasetError);
    const noRatings = { ...(await ratingsFile('')), ratings: undefined };
    expect(() => readRatings(noRatings)).toThrow(DatasetError);
  });
});

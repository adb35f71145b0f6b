import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixture } from '../testing/fixtures.ts';
import { readAll } from '../testing/read-all.ts';
import { useTempDir } from '../testing/temp-dir.ts';
import { detectDataset } from './detect.ts';
import { readMovies, readTags } from './readers.ts';
import { DatasetError, type Layout } from './types.ts';

const tmp = useTempDir();

describe.each(['csv', 'dat', 'ml-100k'] as const satisfies readonly Layout[])('the %s layout', (layout) => {
  it('reads every row of a clean fixture, with no problems', async () => {
    const fixture = await writeFixture(tmp(layout, 'clean'), layout);
    const data = await readAll(await detectDataset(fixture.dir));
    expect(data.problems).toEqual([]);
    expect(data.movies).toEqual(fixture.expected.movies);
    expect(data.ratings).toEqual(fixture.expected.ratings);
    expect(data.tags).toEqual(fixture.expected.tags);
    expect(data.links).toEqual(fixture.expected.links);
    expect(fixture.counts.movies).toBe(8);
    expect(fixture.counts.ratings).toBe(30);
  });

  it('decodes Amélie, keeps quoted commas, maps genres and parses years', async () => {
    const fixture = await writeFixture(tmp(layout, 'titles'), layout);
    const { movies } = await readAll(await detectDataset(fixture.dir));
    const byId = new Map(movies.map((m) => [m.id, m]));
    expect(byId.get(4973)?.title).toBe("Amélie (Fabuleux destin d'Amélie Poulain, Le)");
    expect(byId.get(11)).toMatchObject({ title: 'American President, The', year: 1995 });
    expect(byId.get(1)?.genres).toContain('Children');
    expect(byId.get(114335)).toMatchObject({ title: 'La cravate', year: 1957, genres: [] });
    expect(byId.get(40697)).toMatchObject({ title: 'Babylon 5', year: null });
    expect(byId.get(7000)).toMatchObject({ title: 'Twin Peaks', year: 1990 });
    expect(byId.get(96608)).toMatchObject({ title: 'Runaway Brain', year: 1995 });
  });

  it('reports each malformed row at its file and line, and still reads the good rows', async () => {
    const fixture = await writeFixture(tmp(layout, 'malformed'), layout, { malformed: true });
    expect(fixture.problems.length).toBeGreaterThanOrEqual(layout === 'csv' ? 12 : 4);
    const data = await readAll(await detectDataset(fixture.dir));
    expect(data.problems.map((p) => `${p.file}:${p.line}`)).toEqual(fixture.locations);
    data.problems.forEach((problem, i) => expect(problem.message).toContain(fixture.problems[i]!.message));
    expect(data.movies).toEqual(fixture.expected.movies);
    expect(data.ratings).toEqual(fixture.expected.ratings);
    expect(data.tags).toEqual(fixture.expected.tags);
    expect(data.links).toEqual(fixture.expected.links);
  });

  it('reads files that start with a UTF-8 byte-order mark exactly as without one', async () => {
    const plain = await writeFixture(tmp(layout, 'no-bom'), layout, { malformed: true });
    const fixture = await writeFixture(tmp(layout, 'bom'), layout, { malformed: true, bom: true });
    const withMark = await readAll(await detectDataset(fixture.dir));
    const without = await readAll(await detectDataset(plain.dir));
    expect(withMark.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual(
      without.problems.map((p) => `${p.file.replace(plain.dir, fixture.dir)}:${p.line}: ${p.message}`),
    );
    expect({ ...withMark, problems: [] }).toEqual({ ...without, problems: [] });
    expect(withMark.movies).toEqual(fixture.expected.movies);
    expect(withMark.ratings).toEqual(fixture.expected.ratings);
  });

  it('reads CRLF files and small batches the same', async () => {
    const fixture = await writeFixture(tmp(layout, 'crlf'), layout, { malformed: true, crlf: true });
    const data = await readAll(await detectDataset(fixture.dir), 3);
    expect(data.problems.map((p) => `${p.file}:${p.line}`)).toEqual(fixture.locations);
    expect(data.movies).toEqual(fixture.expected.movies);
    expect(data.ratings).toEqual(fixture.expected.ratings);
    expect(data.tags).toEqual(fixture.expected.tags);
  });
});

describe('encodings', () => {
  it.each([
    ['dat', 'movies.dat'],
    ['ml-100k', 'u.item'],
  ] as const)('the %s fixture writes %s in latin-1, as MovieLens did', async (layout, name) => {
    const fixture = await writeFixture(tmp('encodings', layout), layout);
    const bytes = await readFile(join(fixture.dir, name));
    expect(bytes.includes(Buffer.from('Am\xe9lie', 'latin1'))).toBe(true);
    expect(bytes.includes(Buffer.from('Amélie', 'utf8'))).toBe(false);
  });
});

describe('unknown movies', () => {
  it('are only problems when the movie ids are given', async () => {
    const fixture = await writeFixture(tmp('unknown'), 'csv', { malformed: true });
    const files = await detectDataset(fixture.dir);
    const messages = async (movieIds?: Set<number>) => {
      const out: string[] = [];
      for await (const batch of readTags(files, { movieIds })) out.push(...batch.problems.map((p) => p.message));
      return out;
    };
    expect(await messages(new Set([1, 11, 4973, 40697, 114335, 2571, 96608, 7000]))).toContain('movieId 99999 is not in movies.csv');
    expect((await messages()).some((m) => m.includes('99999'))).toBe(false);
  });
});

describe('csv headers', () => {
  it('a wrong header is a DatasetError naming the file', async () => {
    const fixture = await writeFixture(tmp('header'), 'csv');
    const movies = join(fixture.dir, 'movies.csv');
    await writeFile(movies, '1::Toy Story (1995)::Comedy\n');
    const files = await detectDataset(fixture.dir);
    const read = async () => {
      let rows = 0;
      for await (const batch of readMovies(files)) rows += batch.rows.length;
      return rows;
    };
    await expect(read()).rejects.toThrow(DatasetError);
    await expect(read()).rejects.toThrow(`${movies} does not look like a MovieLens file`);
  });
});

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixture } from '../testing/fixtures.ts';
import { useTempDir } from '../testing/temp-dir.ts';
import { detectDataset } from './detect.ts';
import { readRatings } from './readers.ts';
import { DatasetError } from './types.ts';

const tmp = useTempDir();

describe('detectDataset', () => {
  it.each([
    ['csv', { movies: 'movies.csv', ratings: 'ratings.csv', tags: 'tags.csv', links: 'links.csv' }],
    ['dat', { movies: 'movies.dat', ratings: 'ratings.dat', tags: 'tags.dat', links: undefined }],
    ['ml-100k', { movies: 'u.item', ratings: 'u.data', tags: undefined, links: undefined }],
  ] as const)('recognises the %s layout', async (layout, names) => {
    const dir = tmp('layouts', layout);
    await writeFixture(dir, layout);
    const files = await detectDataset(dir);
    expect(files.layout).toBe(layout);
    expect(files.description).toMatch(/MovieLens/);
    const at = (name: string | undefined) => name && join(dir, name);
    expect(files).toMatchObject({
      dir,
      movies: at(names.movies),
      ratings: at(names.ratings),
      tags: at(names.tags),
      links: at(names.links),
    });
  });

  it('accepts a folder with only the movies file, whose readers for the rest refuse', async () => {
    const dir = tmp('catalog');
    await mkdir(dir);
    await writeFile(join(dir, 'movies.csv'), 'movieId,title,genres\n1,Toy Story (1995),Comedy\n');
    await writeFile(join(dir, 'README.txt'), 'catalog only');
    const files = await detectDataset(dir);
    expect(files).toMatchObject({ layout: 'csv', ratings: undefined, tags: undefined, links: undefined });
    expect(() => readRatings(files)).toThrow(/has no ratings file/);
  });

  it('looks inside a parent folder holding one unzipped release', async () => {
    const parent = tmp('downloads');
    await writeFixture(join(parent, 'ml-latest-small'), 'csv');
    await mkdir(join(parent, 'other'));
    expect((await detectDataset(parent)).dir).toBe(join(parent, 'ml-latest-small'));
  });

  it('refuses a parent folder holding several releases', async () => {
    const parent = tmp('several');
    await writeFixture(join(parent, 'ml-1m'), 'dat');
    await writeFixture(join(parent, 'ml-100k'), 'ml-100k');
    await expect(detectDataset(parent)).rejects.toThrow(/several MovieLens datasets/);
  });

  it('says which files it expected when there is no movies file', async () => {
    const dir = tmp('empty');
    await mkdir(dir);
    await writeFile(join(dir, 'ratings.csv'), 'userId,movieId,rating,timestamp\n');
    const error = await detectDataset(dir).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(DatasetError);
    expect(String(error)).toMatch(/no MovieLens dataset in .*empty: expected movies\.csv .*movies\.dat .*u\.item/);
  });

  it('throws DatasetError for a folder that does not exist', async () => {
    await expect(detectDataset(tmp('missing'))).rejects.toThrow(/does not exist/);
  });
});

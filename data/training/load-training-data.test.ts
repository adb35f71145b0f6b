import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ML_LATEST_SMALL } from '../../test/support/movielens.ts';
import { writeFixture } from '../testing/fixtures.ts';
import { useTempDir } from '../testing/temp-dir.ts';
import { loadTrainingData, TrainingDataError } from './load-training-data.ts';
import { RatingsBuilder } from './ratings-builder.ts';

const tmp = useTempDir('moviebot-training-');

describe('loadTrainingData', () => {
  it.each(['csv', 'dat', 'ml-100k'] as const)('loads a %s folder: movies, every rating in order, tags', async (layout) => {
    const fixture = await writeFixture(tmp(layout), layout);
    const data = await loadTrainingData(fixture.dir);
    expect(data.movies).toEqual(fixture.expected.movies);
    expect(data.ratings.length).toBe(fixture.counts.ratings);
    const rows = Array.from({ length: data.ratings.length }, (_, i) => ({
      userId: data.ratings.userIds[i],
      movieId: data.ratings.movieIds[i],
      rating: data.ratings.ratings[i],
    }));
    expect(rows).toEqual(fixture.expected.ratings.map(({ userId, movieId, rating }) => ({ userId, movieId, rating })));
    expect(data.tags).toEqual(fixture.expected.tags.map(({ movieId, tag }) => ({ movieId, tag })));
  });

  it('gives empty ratings and tags when the folder has only movies', async () => {
    const fixture = await writeFixture(tmp('catalog-only'), 'csv');
    await rm(join(fixture.dir, 'ratings.csv'));
    await rm(join(fixture.dir, 'tags.csv'));
    const data = await loadTrainingData(fixture.dir);
    expect(data.movies).toHaveLength(fixture.counts.movies);
    expect(data.ratings.length).toBe(0);
    expect(data.ratings.userIds).toHaveLength(0);
    expect(data.tags).toEqual([]);
  });

  it('refuses malformed rows, naming the first ones as file:line', async () => {
    const fixture = await writeFixture(tmp('malformed'), 'csv', { malformed: true });
    const err = await loadTrainingData(fixture.dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrainingDataError);
    const moviesProblems = fixture.locations.filter((l) => l.includes('movies.csv'));
    expect((err as TrainingDataError).total).toBe(moviesProblems.length);
    for (const location of moviesProblems) expect((err as Error).message).toContain(location);
  });

  it('refuses a bad ratings file once the movies are fine', async () => {
    const fixture = await writeFixture(tmp('bad-ratings'), 'dat', { malformed: true });
    // Keep the movies good: only ratings.dat and tags.dat stay malformed.
    const good = await writeFixture(tmp('good-dat'), 'dat');
    await rm(join(fixture.dir, 'movies.dat'));
    await copyFile(join(good.dir, 'movies.dat'), join(fixture.dir, 'movies.dat'));
    const err = (await loadTrainingData(fixture.dir).catch((e: unknown) => e)) as TrainingDataError;
    expect(err).toBeInstanceOf(TrainingDataError);
    const ratingProblems = fixture.locations.filter((l) => l.includes('ratings.dat'));
    expect(err.total).toBe(ratingProblems.length);
    expect(err.message).toContain(ratingProblems[0]);
  });
});

describe('RatingsBuilder', () => {
  const batch = (from: number, count: number) => ({
    count,
    userIds: Int32Array.from({ length: count + 3 }, (_, i) => from + i),
    movieIds: Int32Array.from({ length: count + 3 }, (_, i) => 2 * (from + i)),
    ratings: Float32Array.from({ length: count + 3 }, (_, i) => ((from + i) % 10) / 2 + 0.5),
  });

  it('keeps every row across many growths, ignoring the unused tail of each batch', () => {
    const builder = new RatingsBuilder(4);
    let n = 0;
    for (const size of [3, 5, 1, 17, 100, 2]) {
      builder.append(batch(n, size), n % 2 ? 50 : 0);
      n += size;
    }
    const table = builder.finish();
    expect(table.length).toBe(n);
    expect(table.userIds).toHaveLength(n);
    expect(Array.from(table.userIds)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(Array.from(table.movieIds)).toEqual(Array.from({ length: n }, (_, i) => 2 * i));
    expect(table.ratings[n - 1]).toBe(((n - 1) % 10) / 2 + 0.5);
  });
});

describe.skipIf(!ML_LATEST_SMALL.present)('loadTrainingData on ml-latest-small', () => {
  it('reads 100,836 ratings, 9,742 movies and 3,683 tags', async () => {
    const data = await loadTrainingData(ML_LATEST_SMALL.dir);
    expect(data.movies).toHaveLength(9742);
    expect(data.ratings.length).toBe(100_836);
    expect(data.ratings.userIds).toHaveLength(100_836);
    expect(data.tags).toHaveLength(3683);
    expect([data.ratings.userIds[0], data.ratings.movieIds[0], data.ratings.ratings[0]]).toEqual([1, 1, 4]);
  });
});

if (!ML_LATEST_SMALL.present) {
  console.warn(`skipping the ml-latest-small loader test: no dataset at ${ML_LATEST_SMALL.dir} (set MOVIELENS_DIR)`);
}

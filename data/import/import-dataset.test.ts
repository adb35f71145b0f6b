import { ML_25M_CATALOG, ML_LATEST_SMALL } from '../../test/support/movielens.ts';
import { useTempDirs } from '../../test/support/temp-dirs.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type TestDatabase } from '../../test/support/databases.ts';
import { createRepositories, type Database } from '../../core/wiring.ts';
import { writeFixture } from '../testing/fixtures.ts';
import type { Layout } from '../dataset/types.ts';
import { DatasetError } from '../dataset/types.ts';
import { importDataset } from './import-dataset.ts';
import { ImportRejectedError } from './import-errors.ts';

const ML_SMALL = ML_LATEST_SMALL.dir;

const tmp = useTempDirs();

async function counts(database: Database) {
  const [row] = await database.sql.query<{ movies: number; ratings: number; tags: number; imports: number }>(
    `SELECT (SELECT count(*)::int FROM movies) AS movies, (SELECT count(*)::int FROM ratings) AS ratings,
            (SELECT count(*)::int FROM tags) AS tags, (SELECT count(*)::int FROM dataset_imports) AS imports`,
  );
  return row!;
}

const rowsOf = (c: { movies: number; ratings: number; tags: number }) => ({ movies: c.movies, ratings: c.ratings, tags: c.tags });

async function emptyTables(database: Database) {
  await database.sql.query('TRUNCATE favorites, feedback, feedback_events, ratings, tags, dataset_imports, movies CASCADE');
}

describe.each(BACKENDS)('MovieLens import into $name', ({ open }) => {
  let handle: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    handle = await open();
    database = handle.database;
  });
  afterAll(async () => handle?.drop());
  afterEach(async () => emptyTables(database));

  it.each<Layout>(['csv', 'dat', 'ml-100k'])('imports the %s layout', async (layout) => {
    const fixture = await writeFixture(tmp(), layout);
    const summary = await importDataset({ database, dir: fixture.dir });
    expect(summary.counts).toEqual(fixture.counts);
    expect(summary.files.layout).toBe(layout);
    expect(await counts(database)).toEqual({ ...rowsOf(fixture.counts), imports: 1 });
    const expectedMovie = fixture.expected.movies.find((m) => m.title.includes('é'))!;
    const [stored] = await createRepositories(database.db).catalog.getMovies([expectedMovie.id]);
    expect(stored).toMatchObject({ title: expectedMovie.title, year: expectedMovie.year, genres: expectedMovie.genres });
    expect(stored!.title).toContain('é'); // latin-1 files decoded, not mangled
  });

  it('a folder whose files start with a UTF-8 byte-order mark imports exactly as without one', async () => {
    const tables = async () => ({
      movies: await database.sql.query('SELECT * FROM movies ORDER BY id'),
      ratings: await database.sql.query('SELECT * FROM ratings ORDER BY ml_user_id, movie_id, rated_at'),
      tags: await database.sql.query('SELECT * FROM tags ORDER BY ml_user_id, movie_id, tag, tagged_at'),
    });
    const plain = await writeFixture(tmp(), 'csv');
    await importDataset({ database, dir: plain.dir });
    const without = await tables();
    await emptyTables(database);
    const marked = await writeFixture(tmp(), 'csv', { bom: true });
    expect((await importDataset({ database, dir: marked.dir })).counts).toEqual(plain.counts);
    expect(await tables()).toEqual(without);
  });

  it('is idempotent: importing the same release again leaves the same data', async () => {
    const fixture = await writeFixture(tmp(), 'csv');
    await importDataset({ database, dir: fixture.dir });
    const before = await database.sql.query('SELECT * FROM movies ORDER BY id');
    await importDataset({ database, dir: fixture.dir });
    expect(await counts(database)).toEqual({ ...rowsOf(fixture.counts), imports: 2 });
    expect(await database.sql.query('SELECT * FROM movies ORDER BY id')).toEqual(before);
  });

  it.each<Layout>(['csv', 'dat', 'ml-100k'])('rejects malformed %s rows with file:line and changes nothing', async (layout) => {
    const good = await writeFixture(tmp(), layout);
    await importDataset({ database, dir: good.dir });
    const before = await counts(database);

    const bad = await writeFixture(tmp(), layout, { malformed: true });
    expect(bad.problems.length).toBeGreaterThan(0);
    const error = await importDataset({ database, dir: bad.dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejectedError);
    const message = (error as Error).message;
    for (const location of bad.locations) expect(message).toContain(`${location}:`);
    expect((error as ImportRejectedError).problems.total).toBe(bad.problems.length);
    expect(await counts(database)).toEqual(before);
  });

  it('with skipInvalid imports the good rows and reports every bad one', async () => {
    const bad = await writeFixture(tmp(), 'csv', { malformed: true });
    const summary = await importDataset({ database, dir: bad.dir, skipInvalid: true });
    expect(summary.counts).toEqual(bad.counts);
    expect(summary.problems.shown.map((p) => `${p.file}:${p.line}`).sort()).toEqual([...bad.locations].sort());
    expect(await counts(database)).toEqual({ ...rowsOf(bad.counts), imports: 1 });
  });

  it.each(['ratings', 'tags'] as const)('a failure while writing %s rolls everything back', async (failAt) => {
    const first = await writeFixture(tmp(), 'dat');
    await importDataset({ database, dir: first.dir });
    const before = await counts(database);
    const moviesBefore = await database.sql.query('SELECT * FROM movies ORDER BY id');

    const second = await writeFixture(tmp(), 'csv');
    await expect(
      importDataset({
        database,
        dir: second.dir,
        onProgress: (p) => {
          if (p.stage === failAt && p.rows > 0) throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(await counts(database)).toEqual(before);
    expect(await database.sql.query('SELECT * FROM movies ORDER BY id')).toEqual(moviesBefore);
  });

  it('replaces an ml-100k catalog by a MovieLens one while nobody refers to it, and refuses once someone does', async () => {
    const ml100k = await writeFixture(tmp(), 'ml-100k');
    await importDataset({ database, dir: ml100k.dir });
    const csv = await writeFixture(tmp(), 'csv');
    await importDataset({ database, dir: csv.dir });
    expect(await counts(database)).toMatchObject({ movies: csv.counts.movies, ratings: csv.counts.ratings });

    const repos = createRepositories(database.db);
    const user = await repos.accounts.resolveUser({ platform: 'console', platformUserId: 'me' });
    await repos.favorites.add(user, csv.expected.movies[0]!.id);
    const before = await counts(database);
    await expect(importDataset({ database, dir: ml100k.dir })).rejects.toThrow(DatasetError);
    expect(await counts(database)).toEqual(before);
    await repos.accounts.deleteUser(user);
  });

  it('reports a folder that holds no MovieLens release', async () => {
    await expect(importDataset({ database, dir: tmp() })).rejects.toThrow(DatasetError);
  });

  it.skipIf(!ML_LATEST_SMALL.present)('imports the real ml-latest-small: 9,742 movies, 100,836 ratings, 3,683 tags', async () => {
    const summary = await importDataset({ database, dir: ML_SMALL });
    expect(summary.counts).toEqual({ movies: 9742, links: 9742, ratings: 100836, tags: 3683 });
    expect(await counts(database)).toMatchObject({ movies: 9742, ratings: 100836, tags: 3683 });
    const [matrix] = await createRepositories(database.db).catalog.getMovies([2571]);
    expect(matrix).toMatchObject({ title: 'Matrix, The', year: 1999, genres: ['Action', 'Sci-Fi', 'Thriller'], imdbId: 133093, tmdbId: 603 });
  });

  it.skipIf(!ML_25M_CATALOG.present)('imports the 62,423-movie ML-25M catalog', async () => {
    const summary = await importDataset({ database, dir: ML_25M_CATALOG.dir });
    expect(summary.counts.movies).toBe(62423);
    expect(summary.problems.total).toBe(0);
    expect((await counts(database)).movies).toBe(62423);
  });
});

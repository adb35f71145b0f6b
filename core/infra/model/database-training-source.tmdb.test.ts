import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type TestDatabase } from '../../../test/support/databases.ts';
import { createRepositories, DatabaseTrainingSource } from '../../wiring.ts';

/**
 * Our reading of TMDB's terms: their data is for display and discovery, never
 * for training. A retrain reads films added from TMDB only as bare ids the
 * community rated, and a catalog sync alone changes nothing it reads.
 */
describe.each(BACKENDS)('DatabaseTrainingSource and films added from TMDB, on $name', ({ open }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await open();
    await db.database.sql.query(
      `INSERT INTO movies (id, title, year, genres, tmdb_id) VALUES (1, 'Toy Story', 1995, '{Animation,Children}', 862), (2, 'Heat', 1995, '{Crime}', 949)`,
    );
    await db.database.sql.query(`INSERT INTO ratings (ml_user_id, movie_id, rating, rated_at) VALUES (7, 1, 4.5, 0), (7, 2, 4, 0)`);
  });
  afterAll(() => db?.drop());

  it('reads no TMDB title, year or genres: an added film enters only once someone here rated it, as a bare id', async () => {
    const source = new DatabaseTrainingSource(db.database);
    const repos = createRepositories(db.database.db);
    const before = await source.movielensFingerprint();
    const [liked, unrated] = await repos.catalogAdditions.add(
      [
        { tmdbId: 1054867, title: 'One Battle After Another', year: 2025, genres: ['Action', 'Thriller'], imdbId: null },
        { tmdbId: 1078605, title: 'Weapons', year: 2025, genres: ['Horror'], imdbId: null },
      ],
      'trending',
      new Date(),
    );
    expect(await source.movielensFingerprint()).toBe(before);
    expect((await source.movielens()).data.movies.map((m) => m.id)).toEqual([1, 2]);

    const user = await repos.accounts.resolveUser({ platform: 'discord', platformUserId: 'fan' });
    await repos.favorites.add(user, liked!.id);
    const { data, fingerprint } = await source.movielens();
    expect(data.movies).toEqual([
      { id: 1, title: 'Toy Story', year: 1995, genres: ['Animation', 'Children'] },
      { id: 2, title: 'Heat', year: 1995, genres: ['Crime'] },
      { id: liked!.id, title: '', year: null, genres: [] },
    ]);
    expect(data.movies.map((m) => m.id)).not.toContain(unrated!.id);
    expect(fingerprint).toBe(before);
    expect(await source.communitySignals()).toEqual([{ userId: user, movieId: liked!.id, kind: 'favorite' }]);
  });
});

import type { TrainingDataSource } from '../../domain/ports/model-trainer.ts';
import type { CommunitySignal } from '../../domain/rollout/community-ratings.ts';
import type { CatalogMovie, MovieTag, RatingsTable, TrainingData } from '../../domain/recommender/types.ts';
import type { Database } from '../db/database.types.ts';
import type { SqlTx } from '../db/sql-runner.ts';

/** Users fetched per round trip (ml-25m: ~150 ratings each), so memory stays flat on a 25M-row table. */
const FETCH_USERS = 1_000;

/**
 * The films the model learns about. TMDB's terms (as we read them) forbid
 * training on their data, so a film the catalog sync added from TMDB
 * (tmdb_movies) is never read with its TMDB title, year or genres (content
 * features: genre and decade rows of the training matrix). It becomes an
 * item only once someone here favourited it or gave it a 👍/👎, as a bare id,
 * so the model learns it from the community's signals alone.
 */
const TRAINING_MOVIES = `
  SELECT id, title, year, genres FROM movies m WHERE NOT EXISTS (SELECT 1 FROM tmdb_movies t WHERE t.movie_id = m.id)
  UNION ALL
  SELECT t.movie_id, '', NULL, '{}'::text[] FROM tmdb_movies t
  WHERE EXISTS (SELECT 1 FROM favorites f WHERE f.movie_id = t.movie_id) OR EXISTS (SELECT 1 FROM feedback f WHERE f.movie_id = t.movie_id)
  ORDER BY id`;

/**
 * Reads what a retrain learns from out of the database (the source of
 * truth), not from a MovieLens folder a worker may not have: the imported
 * ratings through a cursor into one column table, and the community's
 * favourites and 👍/👎. Nothing fetched from TMDB is read (TRAINING_MOVIES).
 */
export class DatabaseTrainingSource implements TrainingDataSource {
  constructor(private readonly database: Database) {}

  async movielens(): Promise<{ data: TrainingData; fingerprint: string }> {
    return this.database.sql.transaction(async (tx) => {
      // One snapshot for the three tables; a 25M-row read outlives the pool's statement timeout.
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      await tx.query('SET LOCAL statement_timeout = 0');
      const movies = (await tx.query<{ id: number; title: string; year: number | null; genres: string[] }>(TRAINING_MOVIES)).map((m): CatalogMovie => ({
        id: m.id,
        title: m.title,
        year: m.year,
        genres: m.genres,
      }));
      const tags = (await tx.query<{ movie_id: number; tag: string }>('SELECT movie_id, tag FROM tags')).map((t): MovieTag => ({
        movieId: t.movie_id,
        tag: t.tag,
      }));
      const [{ n } = { n: 0 }] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM ratings');
      const ratings: RatingsTable = { length: 0, userIds: new Int32Array(n), movieIds: new Int32Array(n), ratings: new Float32Array(n) };
      // One row per user with their ratings as arrays: ~10× faster than a row per rating (PGlite most of all).
      await tx.query(
        'DECLARE training_ratings NO SCROLL CURSOR FOR SELECT ml_user_id, array_agg(movie_id) AS movies, array_agg(rating) AS ratings FROM ratings GROUP BY ml_user_id ORDER BY ml_user_id',
      );
      for (;;) {
        const users = await tx.query<{ ml_user_id: number; movies: number[]; ratings: number[] }>(`FETCH ${FETCH_USERS} FROM training_ratings`);
        for (const user of users) {
          const count = Math.min(user.movies.length, n - ratings.length);
          ratings.userIds.fill(user.ml_user_id, ratings.length, ratings.length + count);
          ratings.movieIds.set(user.movies.slice(0, count), ratings.length);
          ratings.ratings.set(user.ratings.slice(0, count), ratings.length);
          ratings.length += count;
        }
        if (users.length < FETCH_USERS) break;
      }
      await tx.query('CLOSE training_ratings');
      return { data: { movies, tags, ratings }, fingerprint: await fingerprintOf(tx) };
    });
  }

  movielensFingerprint(): Promise<string> {
    return fingerprintOf(this.database.sql);
  }

  async communitySignals(): Promise<CommunitySignal[]> {
    const [favorites, feedback] = await Promise.all([
      this.database.sql.query<{ user_id: number; movie_id: number }>('SELECT user_id, movie_id FROM favorites ORDER BY user_id, movie_id'),
      this.database.sql.query<{ user_id: number; movie_id: number; value: number }>('SELECT user_id, movie_id, value FROM feedback ORDER BY user_id, movie_id'),
    ]);
    return [
      ...favorites.map((f): CommunitySignal => ({ userId: f.user_id, movieId: f.movie_id, kind: 'favorite' })),
      ...feedback.map((f): CommunitySignal => ({ userId: f.user_id, movieId: f.movie_id, kind: f.value > 0 ? 'up' : 'down' })),
    ];
  }
}

/**
 * The last import's fingerprint names the release; the counts catch rows written some other way. Films added
 * from TMDB are not counted: the daily sync alone is no reason to retrain (their community signals are in the
 * training fingerprint already).
 */
async function fingerprintOf(sql: Pick<SqlTx, 'query'>): Promise<string> {
  const [row] = await sql.query<{ fingerprint: string | null; movies: number; ratings: number; tags: number }>(
    `SELECT (SELECT fingerprint FROM dataset_imports ORDER BY id DESC LIMIT 1) AS fingerprint,
            (SELECT count(*)::int FROM movies m WHERE NOT EXISTS (SELECT 1 FROM tmdb_movies t WHERE t.movie_id = m.id)) AS movies, (SELECT count(*)::int FROM ratings) AS ratings, (SELECT count(*)::int FROM tags) AS tags`,
  );
  return `${row?.fingerprint ?? 'no-import'}/${row?.movies}/${row?.ratings}/${row?.tags}`;
}

import { sql, type SQL } from 'drizzle-orm';
import type { ImportedMovie, ImportKind } from '../../../domain/import/types.ts';
import type { ImportApplied, ImportStore } from '../../../domain/ports/import.store.ts';
import type { Db } from '../database.types.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The import in one transaction, as {@link ImportStore} describes; a
 * failure anywhere rolls all of it back. Each kind is one statement over
 * arrays (unnest), however many rows: an import holds up to 20,000, far
 * past one multi-row VALUES' parameter limit, and one statement per row
 * or per chunk costs seconds where this costs a fraction of one.
 */
export class ImportsRepository implements ImportStore {
  constructor(private readonly db: Db) {}

  applyImport(userId: number, movies: readonly ImportedMovie[]): Promise<ImportApplied> {
    const now = new Date();
    const rows = (...kinds: ImportKind[]) => {
      const chosen = movies.filter((m) => kinds.includes(m.kind));
      return {
        ids: sql.param(chosen.map((m) => m.movieId)),
        values: sql.param(chosen.map((m) => (m.kind === 'like' ? 1 : -1))),
        // Dated as the file says, never later than now; now when it does not say.
        ats: sql.param(chosen.map((m) => (m.at && m.at < now ? m.at : now).toISOString())),
      };
    };
    return this.db.transaction(async (tx) => {
      const opinions = rows('like', 'dislike');
      // Only films with no 👍/👎 yet, each with its event (feedback_events: the history the retraining reads).
      const stored = await query<{ movie_id: number; value: number }>(
        tx,
        sql`WITH stored AS (
              INSERT INTO feedback (user_id, movie_id, value, source, updated_at)
              SELECT ${userId}, t.movie_id, t.value, 'import', t.at
              FROM unnest(${opinions.ids}::int[], ${opinions.values}::smallint[], ${opinions.ats}::timestamptz[]) AS t(movie_id, value, at)
              ON CONFLICT DO NOTHING
              RETURNING movie_id, value
            ), events AS (
              INSERT INTO feedback_events (user_id, movie_id, value, source)
              SELECT ${userId}, movie_id, value, 'import' FROM stored
            )
            SELECT movie_id, value FROM stored`,
      );
      const watched = rows('seen');
      const marked = await query<{ movie_id: number }>(
        tx,
        sql`INSERT INTO seen (user_id, movie_id, at, source)
            SELECT ${userId}, t.movie_id, t.at, 'import'
            FROM unnest(${watched.ids}::int[], ${watched.ats}::timestamptz[]) AS t(movie_id, at)
            ON CONFLICT DO NOTHING
            RETURNING movie_id`,
      );
      const later = rows('watchlist');
      const listed = await query<{ movie_id: number }>(
        tx,
        sql`INSERT INTO watchlist (user_id, movie_id, added_at)
            SELECT ${userId}, t.movie_id, t.at
            FROM unnest(${later.ids}::int[], ${later.ats}::timestamptz[]) AS t(movie_id, at)
            WHERE NOT EXISTS (SELECT 1 FROM feedback f WHERE f.user_id = ${userId} AND f.movie_id = t.movie_id)
              AND NOT EXISTS (SELECT 1 FROM seen s WHERE s.user_id = ${userId} AND s.movie_id = t.movie_id)
            ON CONFLICT DO NOTHING
            RETURNING movie_id`,
      );
      // Watched now, so no longer "later": only what this import stored (a re-import takes nothing off).
      const taken = [...stored, ...marked].map((r) => r.movie_id);
      if (taken.length > 0) await tx.execute(sql`DELETE FROM watchlist WHERE user_id = ${userId} AND movie_id = ANY(${sql.param(taken)}::int[])`);
      const likes = stored.filter((r) => Number(r.value) === 1).length;
      return { like: likes, dislike: stored.length - likes, seen: marked.length, watchlist: listed.length };
    });
  }
}

/** The rows of a raw statement: node-postgres and PGlite both answer with `rows`. */
async function query<T>(tx: Tx, statement: SQL): Promise<T[]> {
  const result = (await tx.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}

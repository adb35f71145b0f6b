import { count, eq, inArray, max, or, sql } from 'drizzle-orm';
import type { Movie } from '../../../domain/model.ts';
import type { CatalogEntry } from '../../../domain/movie-details/catalog-entry.ts';
import type { AdditionSource, CatalogAdditionStore } from '../../../domain/ports/catalog-additions.store.ts';
import type { Db } from '../database.types.ts';
import { movies } from '../schema.ts';
import { tmdbMovieIds, tmdbMovies } from '../schema-tmdb.ts';

/** The advisory lock additions hold ("tmdb" in ASCII): two syncs at once add each film once. */
const ADDITION_LOCK = 0x746d6462;

/** Films added from TMDB, in `movies` (where every catalog reader finds them) and `tmdb_movies` (what marks them as such). */
export class CatalogAdditionsRepository implements CatalogAdditionStore {
  constructor(private readonly db: Db) {}

  async add(entries: readonly CatalogEntry[], source: AdditionSource, at: Date): Promise<Movie[]> {
    if (entries.length === 0) return [];
    return this.db.transaction(async (tx) => {
      // Whoever adds second sees what the first added (READ COMMITTED reads after the lock).
      await tx.execute(sql`select pg_advisory_xact_lock(${ADDITION_LOCK})`);
      const wanted = [...new Map(entries.map((e) => [e.tmdbId, e])).values()];
      const imdbIds = wanted.flatMap((e) => (e.imdbId === null ? [] : [e.imdbId]));
      const known = await tx
        .select({ tmdbId: movies.tmdbId, imdbId: movies.imdbId })
        .from(movies)
        .where(
          or(
            inArray(
              movies.tmdbId,
              wanted.map((e) => e.tmdbId),
            ),
            imdbIds.length > 0 ? inArray(movies.imdbId, imdbIds) : undefined,
          ),
        );
      const knownTmdb = new Set(known.map((k) => k.tmdbId));
      const knownImdb = new Set(known.map((k) => k.imdbId));
      const fresh = wanted.filter((e) => !knownTmdb.has(e.tmdbId) && (e.imdbId === null || !knownImdb.has(e.imdbId)));
      if (fresh.length === 0) return [];
      const ids = await tx.select({ id: sql<number>`nextval('${sql.raw(tmdbMovieIds.seqName!)}')::int` }).from(sql`generate_series(1, ${fresh.length}::int)`);
      const rows: Movie[] = fresh.map((e, i) => ({
        id: Number(ids[i]!.id),
        title: e.title,
        year: e.year,
        genres: e.genres,
        imdbId: e.imdbId,
        tmdbId: e.tmdbId,
      }));
      await tx.insert(movies).values(rows);
      await tx.insert(tmdbMovies).values(rows.map((m) => ({ movieId: m.id, tmdbId: m.tmdbId!, foundIn: source, addedAt: at, changedAt: at })));
      return rows;
    });
  }

  async refresh(movieId: number, entry: CatalogEntry, at: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ movie: movies })
        .from(movies)
        .innerJoin(tmdbMovies, eq(tmdbMovies.movieId, movies.id))
        .where(eq(movies.id, movieId))
        .for('update');
      if (!row) return false;
      const next = { title: entry.title, year: entry.year, genres: entry.genres, imdbId: entry.imdbId ?? row.movie.imdbId };
      const was = row.movie;
      if (was.title === next.title && was.year === next.year && was.imdbId === next.imdbId && was.genres.join('|') === next.genres.join('|')) return false;
      await tx.update(movies).set(next).where(eq(movies.id, movieId));
      await tx.update(tmdbMovies).set({ changedAt: at }).where(eq(tmdbMovies.movieId, movieId));
      return true;
    });
  }

  async all(): Promise<Movie[]> {
    const rows = await this.db.select({ movie: movies }).from(movies).innerJoin(tmdbMovies, eq(tmdbMovies.movieId, movies.id)).orderBy(movies.id);
    return rows.map((r) => r.movie);
  }

  async version(): Promise<string> {
    const [row] = await this.db.select({ n: count(), changed: max(tmdbMovies.changedAt) }).from(tmdbMovies);
    return `${row?.n ?? 0}@${row?.changed?.toISOString() ?? '-'}`;
  }
}

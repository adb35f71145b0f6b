import { count, desc, gte, inArray } from 'drizzle-orm';
import type { CatalogStats, CatalogStore } from '../../../domain/ports/catalog.store.ts';
import type { Movie } from '../../../domain/model.ts';
import type { Db } from '../database.types.ts';
import { datasetImports, movies, ratings, tags } from '../schema.ts';

export class CatalogRepository implements CatalogStore {
  constructor(private readonly db: Db) {}

  async stats(): Promise<CatalogStats> {
    const [[m], [r], [t]] = await Promise.all([
      this.db.select({ n: count() }).from(movies),
      this.db.select({ n: count() }).from(ratings),
      this.db.select({ n: count() }).from(tags),
    ]);
    return { movies: m?.n ?? 0, ratings: r?.n ?? 0, tags: t?.n ?? 0 };
  }

  async getMovies(ids: readonly number[]): Promise<Movie[]> {
    if (ids.length === 0) return [];
    return this.db
      .select()
      .from(movies)
      .where(inArray(movies.id, [...ids]));
  }

  async allMovies(): Promise<Movie[]> {
    return this.db.select().from(movies).orderBy(movies.id);
  }

  async popularity(): Promise<Map<number, number>> {
    const rows = await this.db.select({ movieId: ratings.movieId, n: count() }).from(ratings).where(gte(ratings.rating, 4)).groupBy(ratings.movieId);
    return new Map(rows.map((r) => [r.movieId, r.n]));
  }

  async lastImportSource(): Promise<string | null> {
    const [row] = await this.db.select({ source: datasetImports.source }).from(datasetImports).orderBy(desc(datasetImports.id)).limit(1);
    return row?.source ?? null;
  }
}

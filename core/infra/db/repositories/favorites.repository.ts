import { and, eq, inArray } from 'drizzle-orm';
import type { FavoriteStore } from '../../../domain/ports/favorite.store.ts';
import type { Db } from '../database.types.ts';
import { favorites } from '../schema.ts';

export class FavoritesRepository implements FavoriteStore {
  constructor(private readonly db: Db) {}

  async add(userId: number, movieId: number): Promise<boolean> {
    const rows = await this.db.insert(favorites).values({ userId, movieId }).onConflictDoNothing().returning({ movieId: favorites.movieId });
    return rows.length > 0;
  }

  async remove(userId: number, movieId: number): Promise<boolean> {
    const rows = await this.db
      .delete(favorites)
      .where(and(eq(favorites.userId, userId), eq(favorites.movieId, movieId)))
      .returning({ movieId: favorites.movieId });
    return rows.length > 0;
  }

  async list(userId: number): Promise<number[]> {
    const rows = await this.db
      .select({ movieId: favorites.movieId })
      .from(favorites)
      .where(eq(favorites.userId, userId))
      .orderBy(favorites.createdAt, favorites.movieId);
    return rows.map((r) => r.movieId);
  }

  async listMany(userIds: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return out;
    const rows = await this.db
      .select({ userId: favorites.userId, movieId: favorites.movieId })
      .from(favorites)
      .where(inArray(favorites.userId, [...userIds]))
      .orderBy(favorites.userId, favorites.createdAt, favorites.movieId);
    for (const r of rows) out.get(r.userId)?.push(r.movieId);
    return out;
  }
}

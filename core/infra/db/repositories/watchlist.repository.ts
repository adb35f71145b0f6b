import { and, desc, eq, inArray } from 'drizzle-orm';
import type { WatchlistStore } from '../../../domain/ports/watchlist.store.ts';
import type { Db } from '../database.types.ts';
import { watchlist } from '../schema-seen.ts';

export class WatchlistRepository implements WatchlistStore {
  constructor(private readonly db: Db) {}

  async add(userId: number, movieId: number): Promise<boolean> {
    const rows = await this.db.insert(watchlist).values({ userId, movieId }).onConflictDoNothing().returning({ movieId: watchlist.movieId });
    return rows.length > 0;
  }

  async remove(userId: number, movieId: number): Promise<boolean> {
    const rows = await this.db
      .delete(watchlist)
      .where(and(eq(watchlist.userId, userId), eq(watchlist.movieId, movieId)))
      .returning({ movieId: watchlist.movieId });
    return rows.length > 0;
  }

  async list(userId: number): Promise<number[]> {
    return (await this.listMany([userId])).get(userId)!;
  }

  async listMany(userIds: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return out;
    const rows = await this.db
      .select({ userId: watchlist.userId, movieId: watchlist.movieId })
      .from(watchlist)
      .where(inArray(watchlist.userId, [...userIds]))
      .orderBy(watchlist.userId, desc(watchlist.addedAt), watchlist.movieId);
    for (const r of rows) out.get(r.userId)?.push(r.movieId);
    return out;
  }
}

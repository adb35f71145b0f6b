import { and, desc, eq, inArray } from 'drizzle-orm';
import type { SeenSource } from '../../../domain/model.ts';
import type { SeenStore } from '../../../domain/ports/seen.store.ts';
import type { Db } from '../database.types.ts';
import { seen } from '../schema-seen.ts';

export class SeenRepository implements SeenStore {
  constructor(private readonly db: Db) {}

  async mark(userId: number, movieId: number, source: SeenSource): Promise<boolean> {
    const rows = await this.db.insert(seen).values({ userId, movieId, source }).onConflictDoNothing().returning({ movieId: seen.movieId });
    return rows.length > 0;
  }

  async unmark(userId: number, movieId: number): Promise<boolean> {
    const rows = await this.db
      .delete(seen)
      .where(and(eq(seen.userId, userId), eq(seen.movieId, movieId)))
      .returning({ movieId: seen.movieId });
    return rows.length > 0;
  }

  async list(userId: number): Promise<number[]> {
    return (await this.listMany([userId])).get(userId)!;
  }

  async listMany(userIds: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return out;
    const rows = await this.db
      .select({ userId: seen.userId, movieId: seen.movieId })
      .from(seen)
      .where(inArray(seen.userId, [...userIds]))
      .orderBy(seen.userId, desc(seen.at), seen.movieId);
    for (const r of rows) out.get(r.userId)?.push(r.movieId);
    return out;
  }
}

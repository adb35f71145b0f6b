import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FeedbackInput, FeedbackStore } from '../../../domain/ports/feedback.store.ts';
import type { FeedbackSource, FeedbackValue } from '../../../domain/model.ts';
import type { Db } from '../database.types.ts';
import { feedback, feedbackEvents } from '../schema.ts';

export class FeedbackRepository implements FeedbackStore {
  constructor(private readonly db: Db) {}

  async record(input: FeedbackInput): Promise<boolean> {
    const row = {
      userId: input.userId,
      movieId: input.movieId,
      value: input.value,
      source: input.source,
      communityId: input.communityId ?? null,
    };
    return this.db.transaction(async (tx) => {
      const event = await tx
        .insert(feedbackEvents)
        .values({ ...row, eventKey: input.eventKey ?? null })
        .onConflictDoNothing()
        .returning({ id: feedbackEvents.id });
      if (event.length === 0) return false; // a redelivered event
      const pair = and(eq(feedback.userId, input.userId), eq(feedback.movieId, input.movieId));
      if (input.value === 0) {
        await tx.delete(feedback).where(pair);
      } else {
        await tx
          .insert(feedback)
          .values(row)
          .onConflictDoUpdate({
            target: [feedback.userId, feedback.movieId],
            set: { value: row.value, source: row.source, communityId: row.communityId, updatedAt: sql`now()` },
          });
      }
      return true;
    });
  }

  async current(userId: number): Promise<Map<number, 1 | -1>> {
    const rows = await this.db.select({ movieId: feedback.movieId, value: feedback.value }).from(feedback).where(eq(feedback.userId, userId));
    return new Map(rows.map((r) => [r.movieId, r.value === 1 ? 1 : -1]));
  }

  async currentMany(userIds: readonly number[]): Promise<Map<number, Map<number, 1 | -1>>> {
    const out = new Map<number, Map<number, 1 | -1>>(userIds.map((id) => [id, new Map()]));
    if (userIds.length === 0) return out;
    const rows = await this.db
      .select({ userId: feedback.userId, movieId: feedback.movieId, value: feedback.value })
      .from(feedback)
      .where(inArray(feedback.userId, [...userIds]));
    for (const r of rows) out.get(r.userId)?.set(r.movieId, r.value === 1 ? 1 : -1);
    return out;
  }

  async history(userId: number): Promise<{ movieId: number; value: FeedbackValue; source: FeedbackSource; at: Date }[]> {
    const rows = await this.db.select().from(feedbackEvents).where(eq(feedbackEvents.userId, userId)).orderBy(asc(feedbackEvents.id));
    return rows.map((r) => ({ movieId: r.movieId, value: r.value as FeedbackValue, source: r.source, at: r.createdAt }));
  }
}

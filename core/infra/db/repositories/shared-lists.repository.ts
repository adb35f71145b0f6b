import { and, eq, isNull, sql } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import type { SharedListStore } from '../../../domain/ports/shared-list.store.ts';
import type { Db } from '../database.types.ts';
import { sharedLists } from '../schema.ts';

/** 24 nanoid characters: ~143 bits, far beyond guessing through a rate limit. */
const SLUG_LENGTH = 24;

export class SharedListsRepository implements SharedListStore {
  constructor(private readonly db: Db) {}

  async getOrCreate(userId: number): Promise<string> {
    await this.db
      .insert(sharedLists)
      .values({ userId, slug: nanoid(SLUG_LENGTH) })
      .onConflictDoNothing();
    const [row] = await this.db
      .select({ slug: sharedLists.slug })
      .from(sharedLists)
      .where(and(eq(sharedLists.userId, userId), isNull(sharedLists.revokedAt)));
    return row!.slug;
  }

  async replace(userId: number): Promise<string> {
    return this.db.transaction(async (tx) => {
      await tx
        .update(sharedLists)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(sharedLists.userId, userId), isNull(sharedLists.revokedAt)));
      const [row] = await tx
        .insert(sharedLists)
        .values({ userId, slug: nanoid(SLUG_LENGTH) })
        .returning({ slug: sharedLists.slug });
      return row!.slug;
    });
  }

  async findOwner(slug: string): Promise<number | null> {
    const [row] = await this.db
      .select({ userId: sharedLists.userId })
      .from(sharedLists)
      .where(and(eq(sharedLists.slug, slug), isNull(sharedLists.revokedAt)));
    return row?.userId ?? null;
  }
}

import { and, eq } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import type { CommunityStore, TasteSignal } from '../../../domain/ports/community.store.ts';
import type { Community, Platform } from '../../../domain/model.ts';
import type { Db } from '../database.types.ts';
import { communities, favorites, feedback, memberships } from '../schema.ts';

const columns = {
  id: communities.id,
  platform: communities.platform,
  platformCommunityId: communities.platformCommunityId,
  name: communities.name,
  trendsSlug: communities.trendsSlug,
  trendsEnabled: communities.trendsEnabled,
};

export class CommunitiesRepository implements CommunityStore {
  constructor(private readonly db: Db) {}

  async ensure(platform: Platform, platformCommunityId: string, name?: string | null): Promise<Community> {
    await this.db
      .insert(communities)
      .values({ platform, platformCommunityId, name: name ?? null, trendsSlug: nanoid(24) })
      .onConflictDoNothing({ target: [communities.platform, communities.platformCommunityId] });
    const where = and(eq(communities.platform, platform), eq(communities.platformCommunityId, platformCommunityId));
    if (name) await this.db.update(communities).set({ name }).where(where);
    const [row] = await this.db.select(columns).from(communities).where(where);
    return row!;
  }

  async find(communityId: number): Promise<Community | null> {
    const [row] = await this.db.select(columns).from(communities).where(eq(communities.id, communityId));
    return row ?? null;
  }

  async addMember(communityId: number, userId: number): Promise<boolean> {
    const inserted = await this.db.insert(memberships).values({ communityId, userId }).onConflictDoNothing().returning({ userId: memberships.userId });
    return inserted.length > 0;
  }

  async addMembers(list: readonly { communityId: number; userId: number }[]): Promise<boolean[]> {
    if (list.length === 0) return [];
    const inserted = await this.db
      .insert(memberships)
      .values(list.map(({ communityId, userId }) => ({ communityId, userId })))
      .onConflictDoNothing()
      .returning({ communityId: memberships.communityId, userId: memberships.userId });
    // Each inserted row answers the first membership that names it; a repeat was already there by then.
    const fresh = new Set(inserted.map((row) => `${row.communityId}:${row.userId}`));
    return list.map(({ communityId, userId }) => fresh.delete(`${communityId}:${userId}`));
  }

  async memberIds(communityId: number): Promise<number[]> {
    const rows = await this.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.communityId, communityId))
      .orderBy(memberships.joinedAt, memberships.userId);
    return rows.map((r) => r.userId);
  }

  async communitiesOf(userId: number): Promise<number[]> {
    const rows = await this.db
      .select({ communityId: memberships.communityId })
      .from(memberships)
      .where(eq(memberships.userId, userId))
      .orderBy(memberships.communityId);
    return rows.map((r) => r.communityId);
  }

  async tasteSignals(communityId: number): Promise<TasteSignal[]> {
    const member = (userId: typeof favorites.userId | typeof feedback.userId) => and(eq(memberships.userId, userId), eq(memberships.communityId, communityId));
    const [favs, votes] = await Promise.all([
      this.db
        .select({ userId: favorites.userId, movieId: favorites.movieId, at: favorites.createdAt })
        .from(favorites)
        .innerJoin(memberships, member(favorites.userId)),
      this.db
        .select({ userId: feedback.userId, movieId: feedback.movieId, value: feedback.value, at: feedback.updatedAt })
        .from(feedback)
        .innerJoin(memberships, member(feedback.userId)),
    ]);
    return [...favs.map((f) => ({ ...f, value: 1 as const })), ...votes.map((v) => ({ ...v, value: (v.value > 0 ? 1 : -1) as 1 | -1 }))];
  }

  async findByTrendsSlug(slug: string): Promise<Community | null> {
    const [row] = await this.db.select(columns).from(communities).where(eq(communities.trendsSlug, slug));
    return row ?? null;
  }

  async setTrendsEnabled(communityId: number, enabled: boolean): Promise<void> {
    await this.db.update(communities).set({ trendsEnabled: enabled }).where(eq(communities.id, communityId));
  }
}

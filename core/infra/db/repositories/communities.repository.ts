import { and, eq } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import type { CommunityStore } from '../../../domain/ports/community.store.ts';
import type { Community, Platform } from '../../../domain/model.ts';
import type { Db } from '../database.types.ts';
import { communities, memberships } from '../schema.ts';

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

  async addMember(communityId: number, userId: number): Promise<void> {
    await this.db.insert(memberships).values({ communityId, userId }).onConflictDoNothing();
  }

  async memberIds(communityId: number): Promise<number[]> {
    const rows = await this.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.communityId, communityId))
      .orderBy(memberships.joinedAt, memberships.userId);
    return rows.map((r) => r.userId);
  }

  async findByTrendsSlug(slug: string): Promise<Community | null> {
    const [row] = await this.db.select(columns).from(communities).where(eq(communities.trendsSlug, slug));
    return row ?? null;
  }

  async setTrendsEnabled(communityId: number, enabled: boolean): Promise<void> {
    await this.db.update(communities).set({ trendsEnabled: enabled }).where(eq(communities.id, communityId));
  }
}

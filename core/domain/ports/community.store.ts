import type { Community, Platform } from '../model.ts';

export interface CommunityStore {
  /** The community, created on first sight with a fresh unguessable trends slug. */
  ensure(platform: Platform, platformCommunityId: string, name?: string | null): Promise<Community>;
  addMember(communityId: number, userId: number): Promise<void>;
  memberIds(communityId: number): Promise<number[]>;
  findByTrendsSlug(slug: string): Promise<Community | null>;
  setTrendsEnabled(communityId: number, enabled: boolean): Promise<void>;
}

import type { Community, Platform } from '../model.ts';

/** One member's stance on one movie: a favourite or 👍 (1), a 👎 (-1), and since when. */
export interface TasteSignal {
  userId: number;
  movieId: number;
  value: 1 | -1;
  at: Date;
}

export interface CommunityStore {
  /** The community, created on first sight with a fresh unguessable trends slug. */
  ensure(platform: Platform, platformCommunityId: string, name?: string | null): Promise<Community>;
  /** The community with this id; null for an unknown one. */
  find(communityId: number): Promise<Community | null>;
  /** True when the person joined now, false when they already were a member (every interaction re-joins: only a new member is news). */
  addMember(communityId: number, userId: number): Promise<boolean>;
  /**
   * {@link addMember} for several memberships in one write (a burst of
   * newcomers); ones already there are kept as they are. One answer per
   * membership in the order given; a membership listed twice is new once.
   */
  addMembers(memberships: readonly { communityId: number; userId: number }[]): Promise<boolean[]>;
  memberIds(communityId: number): Promise<number[]>;
  /** The communities this user is a member of (ids): whose server results their taste is part of. */
  communitiesOf(userId: number): Promise<number[]>;
  /** Every member's favourites and current 👍/👎: what the server's trends are made of. */
  tasteSignals(communityId: number): Promise<TasteSignal[]>;
  findByTrendsSlug(slug: string): Promise<Community | null>;
  setTrendsEnabled(communityId: number, enabled: boolean): Promise<void>;
}

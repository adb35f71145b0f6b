import type { Platform } from '../model.ts';

export interface PlatformIdentity {
  platform: Platform;
  platformUserId: string;
  username?: string | null;
}

/** Maps platform identities to internal users, so one person can link several. */
export interface AccountStore {
  /** The user behind this identity, created on first sight. Safe under concurrent calls. */
  resolveUser(identity: PlatformIdentity): Promise<number>;
  /**
   * {@link resolveUser} for several identities at once, in input order: a
   * burst of newcomers is one write, not one per person. Safe under
   * concurrent calls, as resolveUser.
   */
  resolveUsers(identities: readonly PlatformIdentity[]): Promise<number[]>;
  findUser(platform: Platform, platformUserId: string): Promise<number | null>;
  /** Attaches another identity to an existing user (false if it belongs to someone else). */
  linkIdentity(userId: number, identity: PlatformIdentity): Promise<boolean>;
  /** The identities these users have on a platform (users without one are left out), in input order. */
  identitiesOf(userIds: readonly number[], platform: Platform): Promise<PlatformIdentity[]>;
  /** Deletes the user and everything that belongs to them. */
  deleteUser(userId: number): Promise<void>;
}

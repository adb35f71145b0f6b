import type { Platform } from '../model.ts';

export interface PlatformIdentity {
  platform: Platform;
  platformUserId: string;
  username?: string | null;
}

/** A one-time link code as stored (the code itself is never kept, only what it opens). */
export interface LinkCode {
  /** Whose code it is: the person the redeemer joins. */
  userId: number;
  /** The identity it was made on. */
  platform: Platform;
  platformUserId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** Two users made one: `absorbed` is gone, everything it held is `userId`'s. */
export interface MergedPeople {
  userId: number;
  absorbed: number;
}

/** One identity taken off a user onto a new one (`newUserId`), which holds a copy of the taste. */
export interface SplitPerson {
  userId: number;
  newUserId: number;
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
  /** Every identity of the user, on any platform, oldest first. */
  identitiesOfUser(userId: number): Promise<PlatformIdentity[]>;
  /** Deletes the user and everything that belongs to them. */
  deleteUser(userId: number): Promise<void>;

  /**
   * Draws a new one-time code for the user, made on `identity`, valid until
   * `expiresAt`; the user's codes not yet used stop working. Returns the
   * code (LINK_CODE_LENGTH characters of LINK_CODE_ALPHABET).
   */
  createLinkCode(userId: number, identity: PlatformIdentity, expiresAt: Date): Promise<string>;
  /** The stored code this (normalised) code is, used or expired ones included; null for a code nobody made. */
  findLinkCode(code: string): Promise<LinkCode | null>;
  /** Notes a failed redemption by this user (wrong, expired or used code). */
  recordFailedLink(userId: number, at: Date): Promise<void>;
  /** When this user's failed redemptions since `since` happened, oldest first. */
  failedLinksSince(userId: number, since: Date): Promise<Date[]>;
  /**
   * In one transaction: marks the code used (it must be unused and not
   * expired at `now`) and merges `redeemer` into the code's user — its
   * identities, favourites, 👍/👎 (on a film both rated, the newer stance
   * wins), memberships, movie-night answers, votes and losses (one kept
   * where both have one), share link (the code user's stays; the other's is
   * revoked unless it is the only one) — then deletes `redeemer`. Null,
   * with nothing changed, when the code could not be claimed (used or
   * expired meanwhile) or already belongs to `redeemer`.
   */
  redeemLinkCode(code: string, redeemer: number, now: Date): Promise<MergedPeople | null>;
  /**
   * In one transaction: moves `identity` off its user onto a new user that
   * gets a copy of the taste (favourites, 👍/👎 and their history); what
   * belongs to a platform (memberships, movie-night rows) goes with the
   * identity on that platform, and stays where the old user still has one.
   * Null when the identity is its user's only one (nothing to split).
   */
  splitIdentity(identity: PlatformIdentity): Promise<SplitPerson | null>;
}

import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { AccountStore, LinkCode, MergedPeople, PlatformIdentity, SplitPerson } from '../../../domain/ports/account.store.ts';
import type { Platform } from '../../../domain/model.ts';
import type { Db } from '../database.types.ts';
import { platformAccounts, users } from '../schema.ts';
import { movieNights } from '../schema-movie-nights.ts';
import * as links from './link-codes.ts';
import { mergePeople, splitPerson } from './person-merge.ts';

export class AccountsRepository implements AccountStore {
  constructor(private readonly db: Db) {}

  async findUser(platform: Platform, platformUserId: string): Promise<number | null> {
    const [row] = await this.db
      .select({ userId: platformAccounts.userId })
      .from(platformAccounts)
      .where(and(eq(platformAccounts.platform, platform), eq(platformAccounts.platformUserId, platformUserId)));
    return row?.userId ?? null;
  }

  async resolveUser(identity: PlatformIdentity): Promise<number> {
    const existing = await this.findUser(identity.platform, identity.platformUserId);
    if (existing !== null) return existing;
    // Two first messages from the same person can race: the loser's insert
    // does nothing and its new user row is rolled back with the transaction.
    return this.db
      .transaction(async (tx) => {
        const [user] = await tx
          .insert(users)
          .values({ displayName: identity.username ?? null })
          .returning({ id: users.id });
        const inserted = await tx
          .insert(platformAccounts)
          .values({
            platform: identity.platform,
            platformUserId: identity.platformUserId,
            userId: user!.id,
            username: identity.username ?? null,
          })
          .onConflictDoNothing()
          .returning({ userId: platformAccounts.userId });
        if (inserted.length > 0) return user!.id;
        tx.rollback();
        return 0;
      })
      .catch(async (err: unknown) => {
        const winner = await this.findUser(identity.platform, identity.platformUserId);
        if (winner !== null) return winner;
        throw err;
      });
  }

  async resolveUsers(identities: readonly PlatformIdentity[]): Promise<number[]> {
    const found = await this.usersOf(identities);
    // Sorted, so two processes creating overlapping batches take the row locks in the same order.
    const missing = [...new Map(identities.filter((i) => !found.has(keyOf(i))).map((i) => [keyOf(i), i])).entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, i]) => i);
    if (missing.length > 0) {
      const lost = await this.createUsers(missing, found);
      // Someone else created these meanwhile: theirs are the users.
      if (lost.length > 0) for (const [key, userId] of await this.usersOf(lost)) found.set(key, userId);
    }
    return identities.map((i) => {
      const userId = found.get(keyOf(i));
      if (userId === undefined) throw new Error(`no user for ${keyOf(i)}`);
      return userId;
    });
  }

  /** Users for the identities that have one, keyed `platform:platformUserId`. */
  private async usersOf(identities: readonly PlatformIdentity[]): Promise<Map<string, number>> {
    if (identities.length === 0) return new Map();
    const byPlatform = new Map<Platform, Set<string>>();
    for (const i of identities) byPlatform.set(i.platform, (byPlatform.get(i.platform) ?? new Set()).add(i.platformUserId));
    const rows = await this.db
      .select({ platform: platformAccounts.platform, platformUserId: platformAccounts.platformUserId, userId: platformAccounts.userId })
      .from(platformAccounts)
      .where(or(...[...byPlatform].map(([platform, ids]) => and(eq(platformAccounts.platform, platform), inArray(platformAccounts.platformUserId, [...ids])))));
    return new Map(rows.map((r) => [keyOf(r), r.userId]));
  }

  /**
   * One transaction for all: user ids drawn from the sequence up front (so
   * none depends on the order rows come back in), the users, their
   * identities. An identity someone else created meanwhile is left to them
   * and the user made for it deleted again; those identities are returned.
   */
  private async createUsers(missing: readonly PlatformIdentity[], found: Map<string, number>): Promise<PlatformIdentity[]> {
    return this.db.transaction(async (tx) => {
      const ids = (
        await tx.select({ id: sql<number>`nextval(pg_get_serial_sequence('users', 'id'))::int` }).from(sql`generate_series(1, ${missing.length}::int)`)
      ).map((r) => Number(r.id));
      await tx.insert(users).values(missing.map((i, n) => ({ id: ids[n]!, displayName: i.username ?? null })));
      const won = await tx
        .insert(platformAccounts)
        .values(missing.map((i, n) => ({ platform: i.platform, platformUserId: i.platformUserId, userId: ids[n]!, username: i.username ?? null })))
        .onConflictDoNothing()
        .returning({ platform: platformAccounts.platform, platformUserId: platformAccounts.platformUserId, userId: platformAccounts.userId });
      for (const r of won) found.set(keyOf(r), r.userId);
      const lost = missing.filter((i) => !found.has(keyOf(i)));
      const orphans = ids.filter((_, n) => !found.has(keyOf(missing[n]!)));
      if (orphans.length > 0) await tx.delete(users).where(inArray(users.id, orphans));
      return lost;
    });
  }

  async linkIdentity(userId: number, identity: PlatformIdentity): Promise<boolean> {
    await this.db
      .insert(platformAccounts)
      .values({ ...identity, username: identity.username ?? null, userId })
      .onConflictDoNothing();
    return (await this.findUser(identity.platform, identity.platformUserId)) === userId;
  }

  async identitiesOf(userIds: readonly number[], platform: Platform): Promise<PlatformIdentity[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db
      .select({ userId: platformAccounts.userId, platformUserId: platformAccounts.platformUserId, username: platformAccounts.username })
      .from(platformAccounts)
      .where(and(eq(platformAccounts.platform, platform), inArray(platformAccounts.userId, [...userIds])));
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    return userIds.flatMap((id) => {
      const r = byUser.get(id);
      return r ? [{ platform, platformUserId: r.platformUserId, username: r.username }] : [];
    });
  }

  async identitiesOfUser(userId: number): Promise<PlatformIdentity[]> {
    return this.db
      .select({ platform: platformAccounts.platform, platformUserId: platformAccounts.platformUserId, username: platformAccounts.username })
      .from(platformAccounts)
      .where(eq(platformAccounts.userId, userId))
      .orderBy(platformAccounts.createdAt, platformAccounts.platform, platformAccounts.platformUserId);
  }

  createLinkCode(userId: number, identity: PlatformIdentity, expiresAt: Date): Promise<string> {
    return links.createLinkCode(this.db, userId, identity, expiresAt);
  }

  findLinkCode(code: string): Promise<LinkCode | null> {
    return links.findLinkCode(this.db, code);
  }

  recordFailedLink(userId: number, at: Date): Promise<void> {
    return links.recordFailedLink(this.db, userId, at);
  }

  failedLinksSince(userId: number, since: Date): Promise<Date[]> {
    return links.failedLinksSince(this.db, userId, since);
  }

  async redeemLinkCode(code: string, redeemer: number, now: Date): Promise<MergedPeople | null> {
    return this.db.transaction(async (tx) => {
      const into = await links.claimLinkCode(tx, code, redeemer, now);
      if (into === null) return null;
      await mergePeople(tx, redeemer, into);
      return { userId: into, absorbed: redeemer };
    });
  }

  splitIdentity(identity: PlatformIdentity): Promise<SplitPerson | null> {
    return this.db.transaction((tx) => splitPerson(tx, identity));
  }

  async deleteUser(userId: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Who a movie night's shortlist was made for is a list, not rows: the id is taken out of it.
      await tx
        .update(movieNights)
        .set({
          shortlistFor: sql`array_remove(${movieNights.shortlistFor}, ${userId}::int)`,
          favoured: sql`array_remove(${movieNights.favoured}, ${userId}::int)`,
        })
        .where(sql`${userId}::int = any(${movieNights.shortlistFor}) or ${userId}::int = any(${movieNights.favoured})`);
      // Accounts, memberships, favourites, feedback, seen films, watchlist, shared lists and what they did on movie nights cascade.
      await tx.delete(users).where(eq(users.id, userId));
    });
  }
}

const keyOf = (i: { platform: Platform; platformUserId: string }) => `${i.platform}:${i.platformUserId}`;

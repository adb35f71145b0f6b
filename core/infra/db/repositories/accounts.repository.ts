import { and, eq, inArray } from 'drizzle-orm';
import type { AccountStore, PlatformIdentity } from '../../../domain/ports/account.store.ts';
import type { Platform } from '../../../domain/model.ts';
import type { Db } from '../database.types.ts';
import { platformAccounts, users } from '../schema.ts';

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
    return this.db.transaction(async (tx) => {
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
    }).catch(async (err: unknown) => {
      const winner = await this.findUser(identity.platform, identity.platformUserId);
      if (winner !== null) return winner;
      throw err;
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

  async deleteUser(userId: number): Promise<void> {
    // Accounts, memberships, favourites, feedback and shared lists cascade.
    await this.db.delete(users).where(eq(users.id, userId));
  }
}

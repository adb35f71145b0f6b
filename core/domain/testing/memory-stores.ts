import type { AccountStore, PlatformIdentity } from '../ports/account.store.ts';
import type { FavoriteStore } from '../ports/favorite.store.ts';
import type { FeedbackInput, FeedbackStore } from '../ports/feedback.store.ts';
import type { SharedListStore } from '../ports/shared-list.store.ts';
import type { FeedbackSource, FeedbackValue, Platform } from '../model.ts';
import { MemoryLinkCodes } from './memory-link-codes.ts';

/**
 * What a memory store does when two people become one (`mergeUser`: `from`
 * is absorbed into `into`) or one identity leaves a person (`splitUser`:
 * `to` is the new person, `platform` the identity's, `fromKeepsPlatform`
 * whether `from` still has an identity there): what the database does in
 * AccountsRepository.redeemLinkCode / splitIdentity.
 */
export interface MemoryPersonRows {
  mergeUser(from: number, into: number): void;
  splitUser(from: number, to: number, platform: Platform, fromKeepsPlatform: boolean): void;
}

/** In-memory stores for use-case tests; the drizzle ones pass the same contract against real databases. */
export class MemoryAccounts implements AccountStore {
  private next = 1;
  readonly accounts = new Map<string, number>();
  readonly deleted = new Set<number>();
  /** The name each account was made with, as the database keeps it. */
  private readonly usernames = new Map<string, string | null>();
  readonly links = new MemoryLinkCodes();
  private readonly rows: MemoryPersonRows[];
  constructor(
    private readonly onDelete: ((userId: number) => void)[] = [],
    rows: MemoryPersonRows[] = [],
  ) {
    this.rows = [...rows];
  }

  /** Adds stores whose rows follow a person through links and unlinks. */
  hold(...rows: MemoryPersonRows[]): void {
    this.rows.push(...rows);
  }

  async findUser(platform: Platform, id: string) {
    return this.accounts.get(`${platform}:${id}`) ?? null;
  }
  async resolveUser(identity: PlatformIdentity) {
    return this.userOf(identity);
  }
  async resolveUsers(identities: readonly PlatformIdentity[]) {
    return identities.map((identity) => this.userOf(identity));
  }
  private userOf(identity: PlatformIdentity) {
    const key = `${identity.platform}:${identity.platformUserId}`;
    if (!this.accounts.has(key)) {
      this.accounts.set(key, this.next++);
      this.usernames.set(key, identity.username ?? null);
    }
    return this.accounts.get(key)!;
  }
  async linkIdentity(userId: number, identity: PlatformIdentity) {
    const key = `${identity.platform}:${identity.platformUserId}`;
    if (!this.accounts.has(key)) {
      this.accounts.set(key, userId);
      this.usernames.set(key, identity.username ?? null);
    }
    return this.accounts.get(key) === userId;
  }
  async identitiesOf(userIds: readonly number[], platform: Platform) {
    return userIds.flatMap((id) =>
      this.identitiesOfOne(id)
        .filter((i) => i.platform === platform)
        .slice(0, 1),
    );
  }
  async identitiesOfUser(userId: number) {
    return this.identitiesOfOne(userId);
  }
  private identitiesOfOne(userId: number): PlatformIdentity[] {
    return [...this.accounts]
      .filter(([, user]) => user === userId)
      .map(([key]) => {
        const at = key.indexOf(':');
        return { platform: key.slice(0, at) as Platform, platformUserId: key.slice(at + 1), username: this.usernames.get(key) ?? null };
      });
  }
  async deleteUser(userId: number) {
    for (const [key, id] of this.accounts) if (id === userId) this.accounts.delete(key);
    this.links.dropUser(userId);
    this.deleted.add(userId);
    this.onDelete.forEach((f) => f(userId));
  }

  async createLinkCode(userId: number, identity: PlatformIdentity, expiresAt: Date) {
    return this.links.create(userId, identity, expiresAt);
  }
  async findLinkCode(code: string) {
    return this.links.find(code);
  }
  async recordFailedLink(userId: number, at: Date) {
    this.links.failures.push({ userId, at });
  }
  async failedLinksSince(userId: number, since: Date) {
    return this.links.failedSince(userId, since);
  }
  async redeemLinkCode(code: string, redeemer: number, now: Date) {
    const into = this.links.claim(code, redeemer, now);
    if (into === null) return null;
    for (const [key, id] of this.accounts) if (id === redeemer) this.accounts.set(key, into);
    this.links.merge(redeemer, into);
    this.rows.forEach((r) => r.mergeUser(redeemer, into));
    return { userId: into, absorbed: redeemer };
  }
  async splitIdentity(identity: PlatformIdentity) {
    const key = `${identity.platform}:${identity.platformUserId}`;
    const from = this.accounts.get(key);
    if (from === undefined || this.identitiesOfOne(from).length < 2) return null;
    const to = this.next++;
    this.accounts.set(key, to);
    const keeps = this.identitiesOfOne(from).some((i) => i.platform === identity.platform);
    this.links.dropUnused(from);
    this.rows.forEach((r) => r.splitUser(from, to, identity.platform, keeps));
    return { userId: from, newUserId: to };
  }
}

export class MemoryFavorites implements FavoriteStore, MemoryPersonRows {
  readonly lists = new Map<number, number[]>();
  mergeUser(from: number, into: number) {
    const mine = this.lists.get(into) ?? [];
    this.lists.set(into, [...mine, ...(this.lists.get(from) ?? []).filter((id) => !mine.includes(id))]);
    this.lists.delete(from);
  }
  splitUser(from: number, to: number) {
    this.lists.set(to, [...(this.lists.get(from) ?? [])]);
  }
  async add(userId: number, movieId: number) {
    const list = this.lists.get(userId) ?? [];
    if (list.includes(movieId)) return false;
    this.lists.set(userId, [...list, movieId]);
    return true;
  }
  async remove(userId: number, movieId: number) {
    const list = this.lists.get(userId) ?? [];
    this.lists.set(
      userId,
      list.filter((id) => id !== movieId),
    );
    return list.includes(movieId);
  }
  async list(userId: number) {
    return [...(this.lists.get(userId) ?? [])];
  }
  async listMany(userIds: readonly number[]) {
    return new Map(await Promise.all(userIds.map(async (id) => [id, await this.list(id)] as const)));
  }
}

export class MemoryFeedback implements FeedbackStore, MemoryPersonRows {
  readonly events: (FeedbackInput & { at: Date })[] = [];
  /**
   * One history, oldest first. On a film both rated the newer stance wins,
   * as in the database, where a retraction leaves no stance to compare: what
   * either did to that film after the winning stance is left out.
   */
  mergeUser(from: number, into: number) {
    type Event = (typeof this.events)[number];
    const lastOf = (userId: number) => new Map(this.events.filter((e) => e.userId === userId).map((e) => [e.movieId, e]));
    const winners = new Map<number, Event>();
    for (const [movieId, e] of lastOf(into)) if (e.value !== 0) winners.set(movieId, e);
    for (const [movieId, e] of lastOf(from)) {
      const theirs = winners.get(movieId);
      // A tie goes to the person who stays, as in the database.
      if (e.value !== 0 && (!theirs || theirs.at.getTime() < e.at.getTime())) winners.set(movieId, e);
    }
    const both = this.events
      .filter((e) => e.userId === from || e.userId === into)
      .map((e, n) => ({ e, n }))
      .sort((x, y) => x.e.at.getTime() - y.e.at.getTime() || x.n - y.n)
      .map(({ e }) => e);
    const kept = both.filter((e, n) => {
      const winner = winners.get(e.movieId);
      return !winner || n <= both.indexOf(winner);
    });
    for (const e of kept) e.userId = into;
    const others = this.events.filter((e) => e.userId !== from && e.userId !== into);
    this.events.splice(0, this.events.length, ...others, ...kept);
  }
  splitUser(from: number, to: number) {
    for (const e of this.events.filter((x) => x.userId === from)) this.events.push({ ...e, userId: to, eventKey: null });
  }
  async record(input: FeedbackInput) {
    if (input.eventKey && this.events.some((e) => e.eventKey === input.eventKey)) return false;
    this.events.push({ ...input, at: new Date() });
    return true;
  }
  async current(userId: number) {
    const out = new Map<number, 1 | -1>();
    for (const e of this.events.filter((x) => x.userId === userId)) {
      if (e.value === 0) out.delete(e.movieId);
      else out.set(e.movieId, e.value);
    }
    return out;
  }
  async currentMany(userIds: readonly number[]) {
    return new Map(await Promise.all(userIds.map(async (id) => [id, await this.current(id)] as const)));
  }
  async history(userId: number) {
    return this.events
      .filter((e) => e.userId === userId)
      .map((e) => ({ movieId: e.movieId, value: e.value as FeedbackValue, source: e.source as FeedbackSource, at: e.at }));
  }
}

export class MemorySharedLists implements SharedListStore, MemoryPersonRows {
  private next = 0;
  readonly live = new Map<number, string>();
  async getOrCreate(userId: number) {
    if (!this.live.has(userId)) this.live.set(userId, `slug-${userId}-${this.next++}`.padEnd(24, 'x'));
    return this.live.get(userId)!;
  }
  async replace(userId: number) {
    this.live.delete(userId);
    return this.getOrCreate(userId);
  }
  /** The survivor's link stays; the absorbed one's moves over only if the survivor had none (else it is revoked). */
  mergeUser(from: number, into: number) {
    const theirs = this.live.get(from);
    this.live.delete(from);
    if (theirs !== undefined && !this.live.has(into)) this.live.set(into, theirs);
  }
  /** The link stays with the person left behind; the new one makes its own with /share. */
  splitUser() {}
  async findOwner(slug: string) {
    for (const [user, s] of this.live) if (s === slug) return user;
    return null;
  }
}

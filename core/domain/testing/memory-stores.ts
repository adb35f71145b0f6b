import type { AccountStore, PlatformIdentity } from '../ports/account.store.ts';
import type { FavoriteStore } from '../ports/favorite.store.ts';
import type { FeedbackInput, FeedbackStore } from '../ports/feedback.store.ts';
import type { SharedListStore } from '../ports/shared-list.store.ts';
import type { FeedbackSource, FeedbackValue, Platform } from '../model.ts';

/** In-memory stores for use-case tests; the drizzle ones pass the same contract against real databases. */
export class MemoryAccounts implements AccountStore {
  private next = 1;
  readonly accounts = new Map<string, number>();
  readonly deleted = new Set<number>();
  /** The name each account was made with, as the database keeps it. */
  private readonly usernames = new Map<string, string | null>();
  constructor(private readonly onDelete: ((userId: number) => void)[] = []) {}

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
    if (!this.accounts.has(key)) this.accounts.set(key, userId);
    return this.accounts.get(key) === userId;
  }
  async identitiesOf(userIds: readonly number[], platform: Platform) {
    return userIds.flatMap((id) =>
      [...this.accounts]
        .filter(([key, user]) => user === id && key.startsWith(`${platform}:`))
        .slice(0, 1)
        .map(([key]) => ({ platform, platformUserId: key.slice(platform.length + 1), username: this.usernames.get(key) ?? null })),
    );
  }
  async deleteUser(userId: number) {
    for (const [key, id] of this.accounts) if (id === userId) this.accounts.delete(key);
    this.deleted.add(userId);
    this.onDelete.forEach((f) => f(userId));
  }
}

export class MemoryFavorites implements FavoriteStore {
  readonly lists = new Map<number, number[]>();
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

export class MemoryFeedback implements FeedbackStore {
  readonly events: (FeedbackInput & { at: Date })[] = [];
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

export class MemorySharedLists implements SharedListStore {
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
  async findOwner(slug: string) {
    for (const [user, s] of this.live) if (s === slug) return user;
    return null;
  }
}

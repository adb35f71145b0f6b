import type { Platform } from '../../domain/model.ts';
import type { AccountStore, LinkCode, MergedPeople, PlatformIdentity, SplitPerson } from '../../domain/ports/account.store.ts';
import type { CommunityStore } from '../../domain/ports/community.store.ts';
import type { FavoriteStore } from '../../domain/ports/favorite.store.ts';
import type { FeedbackInput, FeedbackStore } from '../../domain/ports/feedback.store.ts';
import type { ImportedMovie } from '../../domain/import/types.ts';
import type { ImportApplied, ImportStore } from '../../domain/ports/import.store.ts';
import { LruCache } from '../../domain/lru-cache.ts';
import { CachedCommunities } from './cached-communities.ts';
import { Coalescer } from './coalescer.ts';

/**
 * Read-through caches in front of the stores a bot reads on every
 * interaction, so an answer needs no database round-trip once a person is
 * known. Writes go to the store first and then drop what they change; the
 * TTL bounds how stale another process's write can look here. Misses made
 * in the same turn of the event loop (a burst of newcomers) are read or
 * written together, in one statement per store.
 */
export interface CacheOptions {
  maxUsers?: number;
  ttlMs?: number;
}

const DEFAULTS = { maxUsers: 50_000, ttlMs: 60_000 };

export function cachedStores(
  stores: { accounts: AccountStore; favorites: FavoriteStore; feedback: FeedbackStore; communities: CommunityStore; imports: ImportStore },
  options: CacheOptions = {},
) {
  const { maxUsers, ttlMs } = { ...DEFAULTS, ...options };
  const favorites = new CachedFavorites(stores.favorites, new LruCache(maxUsers, ttlMs));
  const feedback = new CachedFeedback(stores.feedback, new LruCache(maxUsers, ttlMs));
  // A forgotten, merged or split person's taste is read again from the store.
  const forget = (userId: number) => {
    favorites.invalidate(userId);
    feedback.invalidate(userId);
  };
  return {
    accounts: new CachedAccounts(stores.accounts, new LruCache(maxUsers, ttlMs), forget),
    favorites,
    feedback,
    communities: new CachedCommunities(stores.communities, new LruCache(maxUsers, ttlMs)),
    imports: new CachedImports(stores.imports, feedback),
  };
}

class CachedAccounts implements AccountStore {
  private readonly resolver: Coalescer<PlatformIdentity, number>;

  constructor(
    private readonly inner: AccountStore,
    private readonly users: LruCache<string, number>,
    private readonly dropTaste: (userId: number) => void,
  ) {
    this.resolver = new Coalescer(
      (identities) => inner.resolveUsers(identities),
      (identity) => inner.resolveUser(identity),
    );
  }

  resolveUser(identity: PlatformIdentity): Promise<number> {
    return this.users.getOrLoad(`${identity.platform}:${identity.platformUserId}`, () => this.resolver.load(identity));
  }

  async resolveUsers(identities: readonly PlatformIdentity[]): Promise<number[]> {
    return Promise.all(identities.map((identity) => this.resolveUser(identity)));
  }

  async findUser(platform: Platform, platformUserId: string): Promise<number | null> {
    const key = `${platform}:${platformUserId}`;
    const hit = this.users.get(key);
    if (hit !== undefined) return hit;
    const generation = this.users.generation(key);
    const found = await this.inner.findUser(platform, platformUserId);
    // Only a found user is cached: a stranger may become one with the next click.
    if (found !== null) this.users.setIfCurrent(key, found, generation);
    return found;
  }

  async linkIdentity(userId: number, identity: PlatformIdentity): Promise<boolean> {
    this.users.invalidate(`${identity.platform}:${identity.platformUserId}`);
    return this.inner.linkIdentity(userId, identity);
  }

  identitiesOf(userIds: readonly number[], platform: Platform): Promise<PlatformIdentity[]> {
    return this.inner.identitiesOf(userIds, platform);
  }

  identitiesOfUser(userId: number): Promise<PlatformIdentity[]> {
    return this.inner.identitiesOfUser(userId);
  }

  async deleteUser(userId: number): Promise<void> {
    await this.inner.deleteUser(userId);
    // Every identity of the user goes: simplest is to forget the whole identity map.
    this.users.clear();
    this.dropTaste(userId);
  }

  createLinkCode(userId: number, identity: PlatformIdentity, expiresAt: Date): Promise<string> {
    return this.inner.createLinkCode(userId, identity, expiresAt);
  }

  findLinkCode(code: string): Promise<LinkCode | null> {
    return this.inner.findLinkCode(code);
  }

  recordFailedLink(userId: number, at: Date): Promise<void> {
    return this.inner.recordFailedLink(userId, at);
  }

  failedLinksSince(userId: number, since: Date): Promise<Date[]> {
    return this.inner.failedLinksSince(userId, since);
  }

  /**
   * Identities move between users: the whole identity map is forgotten, as
   * for a deletion. Another process keeps its own map until its TTL; the
   * code's user (the survivor) is the one its maker's process has cached.
   */
  async redeemLinkCode(code: string, redeemer: number, now: Date): Promise<MergedPeople | null> {
    const merged = await this.inner.redeemLinkCode(code, redeemer, now);
    if (merged) this.moved(merged.userId, merged.absorbed);
    return merged;
  }

  async splitIdentity(identity: PlatformIdentity): Promise<SplitPerson | null> {
    const split = await this.inner.splitIdentity(identity);
    if (split) this.moved(split.userId, split.newUserId);
    return split;
  }

  private moved(...userIds: number[]): void {
    this.users.clear();
    userIds.forEach((id) => this.dropTaste(id));
  }
}

class CachedFavorites implements FavoriteStore {
  private readonly loader: Coalescer<number, number[]>;

  constructor(
    private readonly inner: FavoriteStore,
    private readonly lists: LruCache<number, number[]>,
  ) {
    this.loader = new Coalescer(
      async (userIds) => {
        const lists = await inner.listMany(userIds);
        return userIds.map((id) => lists.get(id) ?? []);
      },
      (userId) => inner.list(userId),
    );
  }

  invalidate(userId: number): void {
    this.lists.invalidate(userId);
  }

  async add(userId: number, movieId: number): Promise<boolean> {
    try {
      return await this.inner.add(userId, movieId);
    } finally {
      this.lists.invalidate(userId);
    }
  }

  async remove(userId: number, movieId: number): Promise<boolean> {
    try {
      return await this.inner.remove(userId, movieId);
    } finally {
      this.lists.invalidate(userId);
    }
  }

  async list(userId: number): Promise<number[]> {
    return [...(await this.lists.getOrLoad(userId, () => this.loader.load(userId)))];
  }

  /** Straight to the store: batches are the recompute worker's, which reads the source of truth. */
  listMany(userIds: readonly number[]): Promise<Map<number, number[]>> {
    return this.inner.listMany(userIds);
  }
}

class CachedFeedback implements FeedbackStore {
  private readonly loader: Coalescer<number, Map<number, 1 | -1>>;

  constructor(
    private readonly inner: FeedbackStore,
    private readonly values: LruCache<number, Map<number, 1 | -1>>,
  ) {
    this.loader = new Coalescer(
      async (userIds) => {
        const values = await inner.currentMany(userIds);
        return userIds.map((id) => values.get(id) ?? new Map());
      },
      (userId) => inner.current(userId),
    );
  }

  invalidate(userId: number): void {
    this.values.invalidate(userId);
  }

  async record(input: FeedbackInput): Promise<boolean> {
    try {
      return await this.inner.record(input);
    } finally {
      this.values.invalidate(input.userId);
    }
  }

  async current(userId: number): Promise<Map<number, 1 | -1>> {
    return new Map(await this.values.getOrLoad(userId, () => this.loader.load(userId)));
  }

  /** Straight to the store, as {@link CachedFavorites.listMany}. */
  currentMany(userIds: readonly number[]): Promise<Map<number, Map<number, 1 | -1>>> {
    return this.inner.currentMany(userIds);
  }

  history(userId: number) {
    return this.inner.history(userId);
  }
}

/** An import writes 👍/👎 beside the feedback store (one transaction with the rest): the person's cached values are dropped after it. */
class CachedImports implements ImportStore {
  constructor(
    private readonly inner: ImportStore,
    private readonly feedback: CachedFeedback,
  ) {}

  async applyImport(userId: number, movies: readonly ImportedMovie[]): Promise<ImportApplied> {
    try {
      return await this.inner.applyImport(userId, movies);
    } finally {
      this.feedback.invalidate(userId);
    }
  }
}

import type { Community, Platform } from '../../domain/model.ts';
import type { AccountStore, PlatformIdentity } from '../../domain/ports/account.store.ts';
import type { CommunityStore, TasteSignal } from '../../domain/ports/community.store.ts';
import type { FavoriteStore } from '../../domain/ports/favorite.store.ts';
import type { FeedbackInput, FeedbackStore } from '../../domain/ports/feedback.store.ts';
import { LruCache } from '../../domain/lru-cache.ts';
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
  stores: { accounts: AccountStore; favorites: FavoriteStore; feedback: FeedbackStore; communities: CommunityStore },
  options: CacheOptions = {},
) {
  const { maxUsers, ttlMs } = { ...DEFAULTS, ...options };
  const favorites = new CachedFavorites(stores.favorites, new LruCache(maxUsers, ttlMs));
  const feedback = new CachedFeedback(stores.feedback, new LruCache(maxUsers, ttlMs));
  const forget = (userId: number) => {
    favorites.invalidate(userId);
    feedback.invalidate(userId);
  };
  return {
    accounts: new CachedAccounts(stores.accounts, new LruCache(maxUsers, ttlMs), forget),
    favorites,
    feedback,
    communities: new CachedCommunities(stores.communities, new LruCache(maxUsers, ttlMs)),
  };
}

class CachedAccounts implements AccountStore {
  private readonly resolver: Coalescer<PlatformIdentity, number>;

  constructor(
    private readonly inner: AccountStore,
    private readonly users: LruCache<string, number>,
    private readonly onDelete: (userId: number) => void,
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

  async deleteUser(userId: number): Promise<void> {
    await this.inner.deleteUser(userId);
    // Every identity of the user goes: simplest is to forget the whole identity map.
    this.users.clear();
    this.onDelete(userId);
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

/** Joining is idempotent: a member already seen needs no write. */
class CachedCommunities implements CommunityStore {
  private readonly byRef = new Map<string, Community>();
  /** Lookups in flight, by community and name. */
  private readonly ensuring = new Map<string, Promise<Community>>();
  private readonly joiner: Coalescer<{ communityId: number; userId: number }, boolean>;

  constructor(
    private readonly inner: CommunityStore,
    private readonly members: LruCache<string, true>,
  ) {
    this.joiner = new Coalescer(
      (list) => inner.addMembers(list),
      ({ communityId, userId }) => inner.addMember(communityId, userId),
    );
  }

  async ensure(platform: Platform, platformCommunityId: string, name?: string | null): Promise<Community> {
    const key = `${platform}:${platformCommunityId}`;
    const hit = this.byRef.get(key);
    if (hit && (name === undefined || name === null || name === hit.name)) return hit;
    // The whole server arriving at once (a burst of newcomers) waits for one lookup, not one each.
    const flight = `${key}:${name ?? ''}`;
    const pending = this.ensuring.get(flight);
    if (pending) return pending;
    const loading = this.inner.ensure(platform, platformCommunityId, name).finally(() => this.ensuring.delete(flight));
    this.ensuring.set(flight, loading);
    const community = await loading;
    this.byRef.set(key, community);
    return community;
  }

  /** A member seen here already is no news; otherwise the store says whether they joined now. */
  async addMember(communityId: number, userId: number): Promise<boolean> {
    const key = `${communityId}:${userId}`;
    if (this.members.get(key)) return false;
    const generation = this.members.generation(key);
    const added = await this.joiner.load({ communityId, userId });
    this.members.setIfCurrent(key, true, generation);
    return added;
  }

  async addMembers(list: readonly { communityId: number; userId: number }[]): Promise<boolean[]> {
    return Promise.all(list.map(({ communityId, userId }) => this.addMember(communityId, userId)));
  }

  find(communityId: number): Promise<Community | null> {
    return this.inner.find(communityId);
  }

  memberIds(communityId: number): Promise<number[]> {
    return this.inner.memberIds(communityId);
  }

  /** Read from the store every time: who must be recomputed after a taste change cannot be stale. */
  communitiesOf(userId: number): Promise<number[]> {
    return this.inner.communitiesOf(userId);
  }

  tasteSignals(communityId: number): Promise<TasteSignal[]> {
    return this.inner.tasteSignals(communityId);
  }

  findByTrendsSlug(slug: string): Promise<Community | null> {
    return this.inner.findByTrendsSlug(slug);
  }

  async setTrendsEnabled(communityId: number, enabled: boolean): Promise<void> {
    await this.inner.setTrendsEnabled(communityId, enabled);
    for (const [key, c] of this.byRef) if (c.id === communityId) this.byRef.set(key, { ...c, trendsEnabled: enabled });
  }
}

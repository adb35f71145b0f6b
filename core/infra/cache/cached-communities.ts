import type { Community, Platform } from '../../domain/model.ts';
import type { CommunityStore, TasteSignal } from '../../domain/ports/community.store.ts';
import type { LruCache } from '../../domain/lru-cache.ts';
import { Coalescer } from './coalescer.ts';

/** Joining is idempotent: a member already seen needs no write. */
export class CachedCommunities implements CommunityStore {
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

import type { Community, Platform } from '../model.ts';
import type { CommunityStore, TasteSignal } from '../ports/community.store.ts';
import type { MemoryFavorites, MemoryFeedback, MemoryPersonRows } from './memory-stores.ts';

/** An in-memory community store for use-case tests; its taste signals come from the memory favourites and feedback given. */
export class MemoryCommunities implements CommunityStore, MemoryPersonRows {
  readonly list: Community[] = [];
  /** Community id → member ids in join order. */
  readonly members = new Map<number, number[]>();

  constructor(private readonly taste?: { favorites: MemoryFavorites; feedback: MemoryFeedback }) {}

  async ensure(platform: Platform, platformCommunityId: string, name?: string | null) {
    let c = this.list.find((x) => x.platform === platform && x.platformCommunityId === platformCommunityId);
    if (!c) {
      c = {
        id: this.list.length + 1,
        platform,
        platformCommunityId,
        name: name ?? null,
        trendsSlug: `t${this.list.length}`.padEnd(24, 'y'),
        trendsEnabled: true,
      };
      this.list.push(c);
    }
    return c;
  }
  async find(communityId: number) {
    return this.list.find((c) => c.id === communityId) ?? null;
  }
  async addMember(communityId: number, userId: number) {
    const members = this.members.get(communityId) ?? [];
    if (members.includes(userId)) return false;
    this.members.set(communityId, [...members, userId]);
    return true;
  }
  async addMembers(memberships: readonly { communityId: number; userId: number }[]) {
    const added: boolean[] = [];
    for (const m of memberships) added.push(await this.addMember(m.communityId, m.userId));
    return added;
  }
  async memberIds(communityId: number) {
    return [...(this.members.get(communityId) ?? [])];
  }
  async communitiesOf(userId: number) {
    return [...this.members].filter(([, ids]) => ids.includes(userId)).map(([id]) => id);
  }
  async tasteSignals(communityId: number): Promise<TasteSignal[]> {
    if (!this.taste) return [];
    const { favorites, feedback } = this.taste;
    const signals: TasteSignal[] = [];
    for (const userId of await this.memberIds(communityId)) {
      for (const movieId of await favorites.list(userId)) signals.push({ userId, movieId, value: 1, at: new Date(0) });
      const last = new Map(feedback.events.filter((e) => e.userId === userId).map((e) => [e.movieId, e]));
      for (const [movieId, e] of last) if (e.value !== 0) signals.push({ userId, movieId, value: e.value, at: e.at });
    }
    return signals;
  }
  /** What deleting a user cascades to (pass it to MemoryAccounts' onDelete). */
  dropUser(userId: number): void {
    for (const [id, members] of this.members)
      this.members.set(
        id,
        members.filter((m) => m !== userId),
      );
  }
  /** The absorbed person's servers are the survivor's. */
  mergeUser(from: number, into: number): void {
    for (const [id, members] of this.members) {
      if (!members.includes(from)) continue;
      this.members.set(id, members.includes(into) ? members.filter((m) => m !== from) : members.map((m) => (m === from ? into : m)));
    }
  }
  /** The servers on the leaving identity's platform are its too; the old person leaves them if it has no identity there any more. */
  splitUser(from: number, to: number, platform: Platform, fromKeepsPlatform: boolean): void {
    for (const [id, members] of this.members) {
      if (!members.includes(from) || this.list.find((c) => c.id === id)?.platform !== platform) continue;
      this.members.set(id, [...(fromKeepsPlatform ? members : members.filter((m) => m !== from)), to]);
    }
  }
  async findByTrendsSlug(slug: string) {
    return this.list.find((c) => c.trendsSlug === slug) ?? null;
  }
  async setTrendsEnabled(communityId: number, enabled: boolean) {
    const c = this.list.find((x) => x.id === communityId);
    if (c) c.trendsEnabled = enabled;
  }
}

import { describe, expect, it, vi } from 'vitest';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback } from '../../domain/testing/memory-stores.ts';
import { MemoryImports, MemorySeen, MemoryWatchlist } from '../../domain/testing/memory-taste-lists.ts';
import type { CommunityStore } from '../../domain/ports/community.store.ts';
import { cachedStores } from './cached-stores.ts';
import { LruCache } from '../../domain/lru-cache.ts';

const communities = (): CommunityStore => {
  let next = 1;
  const byRef = new Map<string, number>();
  return {
    ensure: vi.fn(async (platform, id, name) => {
      if (!byRef.has(`${platform}:${id}`)) byRef.set(`${platform}:${id}`, next++);
      return { id: byRef.get(`${platform}:${id}`)!, platform, platformCommunityId: id, name: name ?? null, trendsSlug: 's'.repeat(24), trendsEnabled: true };
    }),
    addMember: vi.fn(async () => true),
    addMembers: vi.fn(async (list: readonly unknown[]) => list.map(() => true)),
    find: async () => null,
    memberIds: async () => [],
    communitiesOf: async () => [],
    tasteSignals: async () => [],
    findByTrendsSlug: async () => null,
    setTrendsEnabled: async () => undefined,
  };
};

function setup() {
  const feedback = new MemoryFeedback();
  const imports = new MemoryImports({ feedback, seen: new MemorySeen(), watchlist: new MemoryWatchlist() });
  const inner = { accounts: new MemoryAccounts(), favorites: new MemoryFavorites(), feedback, communities: communities(), imports };
  const spies = {
    list: vi.spyOn(inner.favorites, 'list'),
    current: vi.spyOn(inner.feedback, 'current'),
    find: vi.spyOn(inner.accounts, 'findUser'),
  };
  return { inner, spies, cached: cachedStores(inner) };
}

describe('cached stores', () => {
  it('reads a person once, and sees their own writes at once', async () => {
    const { cached, spies } = setup();
    const user = await cached.accounts.resolveUser({ platform: 'discord', platformUserId: '1' });
    expect(await cached.favorites.list(user)).toEqual([]);
    expect(await cached.favorites.list(user)).toEqual([]);
    expect(spies.list).toHaveBeenCalledTimes(1);

    await cached.favorites.add(user, 10);
    expect(await cached.favorites.list(user)).toEqual([10]);
    await cached.feedback.record({ userId: user, movieId: 20, value: -1, source: 'button' });
    expect(await cached.feedback.current(user)).toEqual(new Map([[20, -1]]));
    await cached.feedback.current(user);
    expect(spies.current).toHaveBeenCalledTimes(1);
  });

  it("sees an import's 👍/👎 at once, though the import writes them beside the feedback store", async () => {
    const { cached } = setup();
    const user = await cached.accounts.resolveUser({ platform: 'discord', platformUserId: 'importer' });
    expect(await cached.feedback.current(user)).toEqual(new Map());
    await cached.imports.applyImport(user, [
      { movieId: 20, kind: 'like' },
      { movieId: 21, kind: 'dislike' },
    ]);
    expect(await cached.feedback.current(user)).toEqual(
      new Map([
        [20, 1],
        [21, -1],
      ]),
    );
  });

  it('does not keep what a read returned if a write landed while it was in flight', async () => {
    const { inner, cached } = setup();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const original = inner.favorites.list.bind(inner.favorites);
    const read = vi.spyOn(inner.favorites, 'list').mockImplementationOnce(async (u) => {
      const stale = await original(u);
      await gate;
      return stale;
    });
    const slowRead = cached.favorites.list(1);
    await vi.waitFor(() => expect(read).toHaveBeenCalled());
    await cached.favorites.add(1, 5);
    release();
    expect(await slowRead).toEqual([]);
    expect(await cached.favorites.list(1)).toEqual([5]);
  });

  it('forgets a deleted user everywhere, and never caches a stranger', async () => {
    const { cached, spies } = setup();
    expect(await cached.accounts.findUser('telegram', '9')).toBeNull();
    const user = await cached.accounts.resolveUser({ platform: 'telegram', platformUserId: '9' });
    expect(await cached.accounts.findUser('telegram', '9')).toBe(user);
    await cached.favorites.add(user, 1);
    await cached.favorites.list(user);
    await cached.accounts.deleteUser(user);
    expect(await cached.accounts.findUser('telegram', '9')).toBeNull();
    expect(spies.find).toHaveBeenCalledTimes(2);
  });

  it('writes a membership once', async () => {
    const { inner, cached } = setup();
    const c = await cached.communities.ensure('discord', 'g1', 'Film club');
    await cached.communities.ensure('discord', 'g1', 'Film club');
    expect(await cached.communities.addMember(c.id, 1)).toBe(true);
    expect(await cached.communities.addMember(c.id, 1)).toBe(false);
    expect(inner.communities.ensure).toHaveBeenCalledTimes(1);
    expect(inner.communities.addMember).toHaveBeenCalledTimes(1);
  });
});

describe('cached stores in a burst of newcomers', () => {
  const strangers = (n: number) => Array.from({ length: n }, (_, i) => ({ platform: 'discord' as const, platformUserId: `new-${i}` }));

  it('creates the accounts, memberships and first reads of people arriving together with one call per store', async () => {
    const { inner, cached } = setup();
    const resolveOne = vi.spyOn(inner.accounts, 'resolveUser');
    const resolveMany = vi.spyOn(inner.accounts, 'resolveUsers');
    const listMany = vi.spyOn(inner.favorites, 'listMany');
    const currentMany = vi.spyOn(inner.feedback, 'currentMany');
    const people = strangers(50);
    // One of them twice: the same person clicking two things at once is one account.
    const ids = await Promise.all([...people, people[0]!].map((p) => cached.accounts.resolveUser(p)));
    expect(resolveMany).toHaveBeenCalledTimes(1);
    expect(resolveOne).not.toHaveBeenCalled();
    expect(new Set(ids).size).toBe(50);
    expect(ids[50]).toBe(ids[0]);
    for (const [n, p] of people.entries()) expect(await inner.accounts.findUser('discord', p.platformUserId)).toBe(ids[n]);

    await inner.favorites.add(ids[3]!, 7);
    const [lists, values] = await Promise.all([
      Promise.all(ids.map((id) => cached.favorites.list(id))),
      Promise.all(ids.map((id) => cached.feedback.current(id))),
    ]);
    expect(listMany).toHaveBeenCalledTimes(1);
    expect(currentMany).toHaveBeenCalledTimes(1);
    expect(lists[3]).toEqual([7]);
    expect(lists.filter((l) => l.length === 0)).toHaveLength(50);
    expect(values.every((v) => v.size === 0)).toBe(true);

    const [c] = await Promise.all(ids.map(() => cached.communities.ensure('discord', 'g1', 'Film club')));
    expect(inner.communities.ensure).toHaveBeenCalledTimes(1);
    expect(await Promise.all(ids.map((id) => cached.communities.addMember(c!.id, id)))).toEqual(ids.map(() => true));
    expect(inner.communities.addMembers).toHaveBeenCalledTimes(1);
    expect(inner.communities.addMember).not.toHaveBeenCalled();
    expect(vi.mocked(inner.communities.addMembers).mock.calls[0]![0]).toHaveLength(51);
  });

  it('answers each on its own when a batch fails, so one bad input fails only its caller', async () => {
    const { inner, cached } = setup();
    vi.spyOn(inner.accounts, 'resolveUsers').mockRejectedValueOnce(new Error('batch failed'));
    const original = inner.accounts.resolveUser.bind(inner.accounts);
    vi.spyOn(inner.accounts, 'resolveUser').mockImplementation(async (identity) => {
      if (identity.platformUserId === 'new-2') throw new Error('bad identity');
      return original(identity);
    });
    const results = await Promise.allSettled(strangers(5).map((p) => cached.accounts.resolveUser(p)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(await inner.accounts.findUser('discord', 'new-4')).toBe((results[4] as PromiseFulfilledResult<number>).value);
  });
});

describe('LruCache', () => {
  it('evicts the least recently used and expires after its TTL', () => {
    let now = 0;
    const cache = new LruCache<string, number>(2, 1000, () => now);
    cache.setIfCurrent('a', 1, cache.generation('a'));
    cache.setIfCurrent('b', 2, cache.generation('b'));
    cache.get('a');
    cache.setIfCurrent('c', 3, cache.generation('c'));
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
    now = 1000;
    expect(cache.get('a')).toBeUndefined();
  });
});

import type { AccountStore } from '../ports/account.store.ts';
import type { CommunityStore } from '../ports/community.store.ts';
import type { FavoriteStore } from '../ports/favorite.store.ts';
import type { FeedbackInput, FeedbackStore } from '../ports/feedback.store.ts';
import type { SharedListStore } from '../ports/shared-list.store.ts';
import type { ShareDeps } from './deps.ts';
import type { CommunityDeps } from './server-pick.ts';

/** Something a public page shows has changed: one person's taste or link, or a community's membership or page switch. */
export type TasteChange = { userId: number } | { communityId: number };

/**
 * In-process announcements of writes, so caches of rendered pages (share
 * lists, server trends) drop what a write made stale instead of waiting for
 * a TTL. Listeners must be quick and must not throw.
 */
export class TasteChanges {
  private readonly listeners = new Set<(change: TasteChange) => void>();

  /** Returns the unsubscribe function. */
  subscribe(listener: (change: TasteChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  announce(change: TasteChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

/** The same deps, with every write announced after it is stored. */
export function announcingDeps<D extends CommunityDeps>(deps: D, changes: TasteChanges): D {
  const { accounts, favorites, feedback, communities } = deps;
  const user = (userId: number) => changes.announce({ userId });
  // Every interaction in a server re-joins its member: only a first sighting in this process is news.
  const joined = new Set<string>();
  const joinedNow = (communityId: number, userId: number) => {
    const key = `${communityId}:${userId}`;
    if (joined.has(key)) return;
    if (joined.size >= 100_000) joined.clear();
    joined.add(key);
    changes.announce({ communityId });
  };
  const announcingAccounts = withWrites<AccountStore>(accounts, {
    deleteUser: after((userId: number) => accounts.deleteUser(userId), user),
  });
  const announcingFavorites = withWrites<FavoriteStore>(favorites, {
    add: after((userId: number, movieId: number) => favorites.add(userId, movieId), user),
    remove: after((userId: number, movieId: number) => favorites.remove(userId, movieId), user),
  });
  const announcingFeedback = withWrites<FeedbackStore>(feedback, {
    record: after((input: FeedbackInput) => feedback.record(input), (input) => user(input.userId)),
  });
  const announcingCommunities = withWrites<CommunityStore>(communities, {
    addMember: after((communityId: number, userId: number) => communities.addMember(communityId, userId), joinedNow),
    addMembers: after(
      (list: readonly { communityId: number; userId: number }[]) => communities.addMembers(list),
      (list) => list.forEach(({ communityId, userId }) => joinedNow(communityId, userId)),
    ),
    setTrendsEnabled: after(
      (communityId: number, enabled: boolean) => communities.setTrendsEnabled(communityId, enabled),
      (communityId) => changes.announce({ communityId }),
    ),
  });
  return { ...deps, accounts: announcingAccounts, favorites: announcingFavorites, feedback: announcingFeedback, communities: announcingCommunities };
}

/** The same share deps, with a replaced (revoked) link announced as a change of its owner. */
export function announcingShareDeps(deps: ShareDeps, changes: TasteChanges): ShareDeps {
  const { sharedLists } = deps;
  const announcing = withWrites<SharedListStore>(sharedLists, {
    replace: after((userId: number) => sharedLists.replace(userId), (userId) => changes.announce({ userId })),
  });
  return { ...deps, sharedLists: announcing };
}

/** The store with some methods replaced; every other method (also ones added to the port later) passes through. */
function withWrites<T extends object>(store: T, writes: Partial<T>): T {
  return new Proxy(store, {
    get(target, prop) {
      if (Object.hasOwn(writes, prop)) return writes[prop as keyof T];
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Runs the write, then announces it, also when it failed halfway (a cache dropped needlessly costs one render). */
function after<A extends unknown[], R>(write: (...args: A) => Promise<R>, announce: (...args: A) => void) {
  return async (...args: A): Promise<R> => {
    try {
      return await write(...args);
    } finally {
      announce(...args);
    }
  };
}

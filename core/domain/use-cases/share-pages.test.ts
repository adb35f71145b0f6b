import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Recommender } from '../recommender/types.ts';
import { MemoryCommunities } from '../testing/memory-communities.ts';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback, MemorySharedLists } from '../testing/memory-stores.ts';
import { MemorySeen, MemoryWatchlist } from '../testing/memory-taste-lists.ts';
import { TasteChanges, type TasteChange } from '../events/taste-changes.ts';
import {
  addFavorite,
  communityPick,
  forgetUser,
  joinCommunity,
  recordFeedback,
  removeFavorite,
  setTrendsPage,
  shareLink,
  sharedListOwner,
  sharedListPage,
  type CommunityDeps,
  type SharedListDeps,
} from './index.ts';
import { smallCatalog as catalog, smallModel } from '../testing/small-world.ts';

const ann = { platform: 'discord' as const, platformUserId: 'ann' };
const server = { platform: 'discord' as const, id: 'guild-1' };
let model: Recommender;
let deps: CommunityDeps & SharedListDeps;
let sharedLists: MemorySharedLists;

beforeAll(async () => {
  model = await smallModel();
});
beforeEach(() => {
  sharedLists = new MemorySharedLists();
  const favorites = new MemoryFavorites();
  const feedback = new MemoryFeedback();
  deps = {
    accounts: new MemoryAccounts(),
    favorites,
    feedback,
    seen: new MemorySeen(),
    watchlist: new MemoryWatchlist(),
    communities: new MemoryCommunities({ favorites, feedback }),
    sharedLists,
    catalog,
    model: () => model,
  };
});

const slugOf = (url: string) => url.split('/l/')[1]!;

describe('shared list page', () => {
  it('shows the favourites and recommendations that follow from them', async () => {
    await addFavorite(deps, ann, 1);
    await addFavorite(deps, ann, 2);
    const slug = slugOf(await shareLink({ ...deps, publicUrl: 'https://x.example' }, ann));
    const page = (await sharedListPage(deps, slug, { k: 6 }))!;
    expect(page.favorites.map((m) => m.id)).toEqual([1, 2]);
    expect(page.recommendations).toHaveLength(6);
    expect(page.recommendations.map((r) => r.movie.id)).not.toContain(1);
    expect(page.recommendations.filter((r) => r.because !== null).length).toBeGreaterThan(0);
    expect(await sharedListOwner(deps, slug)).toBe(page.ownerId);
  });

  it('is null for an unknown or revoked slug, and has no picks before a model or a favourite', async () => {
    expect(await sharedListPage(deps, 'nope'.padEnd(24, 'x'), { k: 5 })).toBeNull();
    const share = { ...deps, publicUrl: 'https://x.example' };
    const old = slugOf(await shareLink(share, ann));
    expect((await sharedListPage(deps, old, { k: 5 }))!.recommendations).toEqual([]);
    await addFavorite(deps, ann, 1);
    expect((await sharedListPage({ ...deps, model: () => null }, old, { k: 5 }))!.recommendations).toEqual([]);
    const fresh = slugOf(await shareLink(share, ann, { replace: true }));
    expect(await sharedListPage(deps, old, { k: 5 })).toBeNull();
    expect(await sharedListPage(deps, fresh, { k: 5 })).not.toBeNull();
  });
});

describe('community pick', () => {
  it('is the server pick of the community found by its slug', async () => {
    for (const [who, movie] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const) {
      const identity = { platform: 'discord' as const, platformUserId: who };
      await joinCommunity(deps, identity, server);
      await addFavorite(deps, identity, movie);
    }
    const community = (await deps.communities.findByTrendsSlug((await deps.communities.ensure('discord', 'guild-1')).trendsSlug))!;
    const picks = await communityPick(deps, community, 4);
    expect(picks).toHaveLength(4);
    expect(await communityPick({ ...deps, model: () => null }, community, 4)).toEqual([]);
  });
});

describe('taste changes', () => {
  it('announces each write that a public page shows, once it is stored, and a write that changed nothing not at all', async () => {
    const changes = new TasteChanges();
    const seen: TasteChange[] = [];
    changes.subscribe((c) => seen.push(c));
    const d = { ...deps, changes };
    const share = { accounts: d.accounts, sharedLists, publicUrl: 'https://x.example', changes };

    await addFavorite(d, ann, 1);
    const userId = (await d.accounts.findUser('discord', 'ann'))!;
    expect(await d.favorites.list(userId)).toEqual([1]);
    await addFavorite(d, ann, 1); // already one: no news
    await recordFeedback(d, { identity: ann, movieId: 2, value: 1, source: 'button', eventKey: 'click-1' });
    await recordFeedback(d, { identity: ann, movieId: 2, value: 1, source: 'button', eventKey: 'click-1' }); // redelivered: no news
    await joinCommunity(d, ann, server);
    await joinCommunity(d, ann, server); // the second join is no news
    await shareLink(share, ann); // a first link: no page showed it before
    await shareLink(share, ann, { replace: true });
    await setTrendsPage(d, server, false);
    await removeFavorite(d, ann, 1);
    await forgetUser(d, ann);
    expect(seen).toEqual([
      { type: 'favorite-added', userId, movieId: 1 },
      { type: 'feedback-recorded', userId, movieId: 2, value: 1 },
      { type: 'member-joined', communityId: 1, userId },
      { type: 'share-link-replaced', userId },
      { type: 'trends-page-switched', communityId: 1, enabled: false },
      { type: 'favorite-removed', userId, movieId: 1 },
      { type: 'person-forgotten', userId },
    ]);
  });
});

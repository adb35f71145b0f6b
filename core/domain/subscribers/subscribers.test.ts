import { beforeEach, describe, expect, it } from 'vitest';
import { TasteChanges } from '../events/taste-changes.ts';
import type { PublicPages } from '../ports/public-pages.ts';
import type { ServerResultCache } from '../ports/server-result.cache.ts';
import { MemoryCommunities } from '../testing/memory-communities.ts';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback, MemorySharedLists } from '../testing/memory-stores.ts';
import { MemorySeen, MemoryWatchlist } from '../testing/memory-taste-lists.ts';
import { RecordingQueue } from '../testing/recording-queue.ts';
import { smallCatalog as catalog } from '../testing/small-world.ts';
import type { CommunityDeps } from '../use-cases/server-pick.ts';
import {
  addFavorite,
  addToWatchlist,
  forgetUser,
  joinCommunity,
  markSeen,
  recordFeedback,
  removeFavorite,
  setTrendsPage,
  shareLink,
} from '../use-cases/index.ts';
import { RECOMPUTE_DEBOUNCE_MS, SERVER_RECOMPUTE_DEBOUNCE_MS, subscribeBackgroundWork, subscribePublicPages } from './index.ts';

const ann = { platform: 'discord' as const, platformUserId: 'ann' };
const bob = { platform: 'discord' as const, platformUserId: 'bob' };
const filmClub = { platform: 'discord' as const, id: 'film-club' };
const horrorNight = { platform: 'discord' as const, id: 'horror-night' };

/** Every kind of drop, in order, so a test sees what was dropped and when. */
class Recorded {
  readonly log: string[] = [];
  readonly pages: PublicPages = {
    dropPerson: (userId) => this.log.push(`page u:${userId}`),
    dropCommunity: (communityId) => this.log.push(`page c:${communityId}`),
  };
  readonly serverResults = {
    markStale: async (communityId: number) => void this.log.push(`stale c:${communityId}`),
  } as unknown as ServerResultCache;
  readonly warnings: string[] = [];
  readonly warnLog = { warn: (_fields: Record<string, unknown>, message: string) => void this.warnings.push(message) };
}

let jobs: RecordingQueue;
let seen: Recorded;
let changes: TasteChanges;
let deps: CommunityDeps;
let sharedLists: MemorySharedLists;
let unsubscribe: () => void;

beforeEach(() => {
  jobs = new RecordingQueue();
  seen = new Recorded();
  changes = new TasteChanges();
  const favorites = new MemoryFavorites();
  const feedback = new MemoryFeedback();
  const communities = new MemoryCommunities({ favorites, feedback });
  const accounts = new MemoryAccounts([(userId) => communities.dropUser(userId)]);
  sharedLists = new MemorySharedLists();
  deps = {
    accounts,
    favorites,
    feedback,
    seen: new MemorySeen(),
    watchlist: new MemoryWatchlist(),
    communities,
    catalog,
    model: () => null,
    serverResults: seen.serverResults,
    changes,
  };
  const offBackground = subscribeBackgroundWork(changes, { jobs, communities, serverResults: seen.serverResults, log: seen.warnLog });
  const offPages = subscribePublicPages(changes, seen.pages);
  unsubscribe = () => {
    offBackground();
    offPages();
  };
});

/** Lets the subscribers' asynchronous steps (reading a member's servers, marking them stale) finish. */
const settled = () => new Promise((resolve) => setImmediate(resolve));
const idOf = async (identity: typeof ann) => (await deps.accounts.findUser(identity.platform, identity.platformUserId))!;
const communityOf = async (ref: typeof filmClub) => (await deps.communities.ensure(ref.platform, ref.id)).id;

describe('recompute-person-when-taste-changes', () => {
  it('a 👍 queues one recompute-user for that person, debounced by their id', async () => {
    await recordFeedback(deps, { identity: ann, movieId: 2, value: 1, source: 'button', eventKey: 'dc:1' });
    const userId = await idOf(ann);
    expect(jobs.queued).toEqual([{ name: 'recompute-user', data: { userId }, options: { debounceKey: String(userId), debounceMs: RECOMPUTE_DEBOUNCE_MS } }]);
  });

  it('a redelivered 👍 (recorded: false) queues nothing and drops nothing', async () => {
    const click = { identity: ann, movieId: 2, value: 1 as const, source: 'button' as const, eventKey: 'dc:1' };
    expect((await recordFeedback(deps, click)).recorded).toBe(true);
    jobs.queued.length = 0;
    seen.log.length = 0;
    expect((await recordFeedback(deps, click)).recorded).toBe(false);
    await settled();
    expect(jobs.queued).toEqual([]);
    expect(seen.log).toEqual([]);
  });

  it('a reaction that changes nothing (its redelivery) queues nothing', async () => {
    const reaction = { identity: ann, movieId: 2, value: 1 as const, source: 'reaction' as const };
    await recordFeedback(deps, reaction);
    expect(await recordFeedback(deps, reaction)).toMatchObject({ recorded: false });
    expect(jobs.of('recompute-user')).toHaveLength(1);
  });

  it('a favourite added queues a recompute, the same favourite again nothing, its removal one more', async () => {
    await addFavorite(deps, ann, 1);
    await addFavorite(deps, ann, 1);
    await removeFavorite(deps, ann, 1);
    const userId = await idOf(ann);
    expect(jobs.of('recompute-user')).toEqual([{ userId }, { userId }]);
  });

  it('a queue that cannot take the job costs a warning, not the 👍', async () => {
    jobs.failWith = new Error('queue unavailable');
    expect((await recordFeedback(deps, { identity: ann, movieId: 2, value: 1, source: 'button' })).recorded).toBe(true);
    await settled();
    expect(seen.warnings).toContain('could not queue a recompute');
  });
});

describe('refresh-servers-when-member-taste-changes', () => {
  it("a member's 👍 marks each of their servers stale, then queues its recompute-server", async () => {
    await joinCommunity(deps, ann, filmClub);
    await joinCommunity(deps, ann, horrorNight);
    await joinCommunity(deps, bob, filmClub);
    await settled();
    const [film, horror] = [await communityOf(filmClub), await communityOf(horrorNight)];
    jobs.queued.length = 0;
    seen.log.length = 0;

    await recordFeedback(deps, { identity: ann, movieId: 2, value: 1, source: 'button' });
    await settled();
    expect(jobs.of('recompute-server')).toEqual([{ communityId: film }, { communityId: horror }]);
    expect(jobs.queued.find((j) => j.name === 'recompute-server')!.options).toEqual({ debounceKey: String(film), debounceMs: SERVER_RECOMPUTE_DEBOUNCE_MS });
    expect(seen.log.filter((l) => l.startsWith('stale'))).toEqual([`stale c:${film}`, `stale c:${horror}`]);
  });

  it('a 👍 by someone in no server queues no server recompute', async () => {
    await recordFeedback(deps, { identity: ann, movieId: 2, value: 1, source: 'button' });
    await settled();
    expect(jobs.of('recompute-server')).toEqual([]);
  });
});

describe('seen and watchlist', () => {
  it("a film marked seen remakes the person's list and their servers' results; a watchlist change only their list", async () => {
    await joinCommunity(deps, ann, filmClub);
    await settled();
    const [film, userId] = [await communityOf(filmClub), await idOf(ann)];
    jobs.queued.length = 0;
    seen.log.length = 0;
    await addToWatchlist(deps, ann, 5);
    await settled();
    expect(jobs.queued.map((j) => j.name)).toEqual(['recompute-user']);
    expect(seen.log).toEqual([`page u:${userId}`]);
    jobs.queued.length = 0;
    await markSeen(deps, ann, 6);
    await settled();
    expect(jobs.of('recompute-user')).toEqual([{ userId }]);
    expect(jobs.of('recompute-server')).toEqual([{ communityId: film }]);
  });
});

describe('refresh-server-when-membership-changes', () => {
  it('a join marks the server stale before joinCommunity returns and queues its recompute; a rejoin queues nothing', async () => {
    await joinCommunity(deps, ann, filmClub);
    const film = await communityOf(filmClub);
    // The newcomer asks next: the drop is already issued.
    expect(seen.log).toContain(`stale c:${film}`);
    await settled();
    expect(jobs.of('recompute-server')).toEqual([{ communityId: film }]);
    expect(jobs.of('recompute-user')).toEqual([]);

    await joinCommunity(deps, ann, filmClub);
    await settled();
    expect(jobs.of('recompute-server')).toHaveLength(1);
  });
});

describe('drop-pages-when-lists-change', () => {
  it("a taste change drops the person's pages; a join or a page switched, the server's", async () => {
    await joinCommunity(deps, ann, filmClub);
    const film = await communityOf(filmClub);
    const userId = await idOf(ann);
    await addFavorite(deps, ann, 1);
    await setTrendsPage(deps, filmClub, false);
    expect(seen.log.filter((l) => l.startsWith('page'))).toEqual([`page c:${film}`, `page u:${userId}`, `page c:${film}`]);
  });

  it('a replaced link or a forgotten person drops their pages and queues no job', async () => {
    await shareLink({ accounts: deps.accounts, sharedLists, publicUrl: 'https://x.example', changes }, ann, { replace: true });
    const userId = await idOf(ann);
    await forgetUser(deps, ann);
    await settled();
    expect(seen.log).toEqual([`page u:${userId}`, `page u:${userId}`]);
    expect(jobs.queued).toEqual([]);
  });
});

it('after unsubscribing, a write sets nothing in motion', async () => {
  unsubscribe();
  await joinCommunity(deps, ann, filmClub);
  await recordFeedback(deps, { identity: ann, movieId: 2, value: 1, source: 'button' });
  await settled();
  expect(jobs.queued).toEqual([]);
  expect(seen.log).toEqual([]);
});

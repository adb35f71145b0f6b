import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TasteChanges, type TasteChange } from '../events/taste-changes.ts';
import type { Recommender } from '../recommender/types.ts';
import { MemoryCommunities } from '../testing/memory-communities.ts';
import { MemoryMovieNights } from '../testing/memory-movie-nights.ts';
import { MemoryReadyLists } from '../testing/memory-ready-lists.ts';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback } from '../testing/memory-stores.ts';
import { MemorySeen, MemoryWatchlist } from '../testing/memory-taste-lists.ts';
import { smallCatalog as catalog, smallModel } from '../testing/small-world.ts';
import {
  addFavorite,
  addToWatchlist,
  answerRsvp,
  forgetUser,
  joinCommunity,
  markSeen,
  nominate,
  recommend,
  refreshRecommendationsMany,
  refreshShortlist,
  removeFromWatchlist,
  serverPick,
  startMovieNight,
  unmarkSeen,
  watchlist,
  type NightDeps,
} from './index.ts';
import { tasteOf } from './taste.ts';

const person = (id: string) => ({ platform: 'discord' as const, platformUserId: id });
const [ann, bob] = [person('ann'), person('bob')];
const guild = { platform: 'discord' as const, id: 'g1' };

let model: Recommender;
let deps: NightDeps & { seen: MemorySeen; watchlist: MemoryWatchlist; recommendations: MemoryReadyLists };
let announced: TasteChange[];

beforeAll(async () => {
  model = await smallModel();
});
beforeEach(async () => {
  const favorites = new MemoryFavorites();
  const feedback = new MemoryFeedback();
  const seen = new MemorySeen();
  const later = new MemoryWatchlist();
  const communities = new MemoryCommunities({ favorites, feedback });
  const accounts = new MemoryAccounts([(id) => communities.dropUser(id), (id) => seen.dropUser(id), (id) => later.dropUser(id)]);
  const changes = new TasteChanges();
  announced = [];
  changes.subscribe((change) => announced.push(change));
  deps = {
    accounts,
    favorites,
    feedback,
    seen,
    watchlist: later,
    communities,
    catalog,
    nights: new MemoryMovieNights(feedback),
    recommendations: new MemoryReadyLists(),
    changes,
    model: () => model,
    now: () => new Date('2026-12-08T12:00:00Z'),
  };
  // Ann likes sci-fi (1–12).
  for (const id of [1, 2, 3]) await addFavorite(deps, ann, id);
  announced.length = 0;
});

const ids = (picks: { movie: { id: number } }[]) => picks.map((p) => p.movie.id);
const userOf = async (who: typeof ann) => (await deps.accounts.findUser(who.platform, who.platformUserId))!;

describe('seen', () => {
  it('is never recommended again: not on the ready list, a fold-in or the recompute worker’s list', async () => {
    const before = ids(await recommend(deps, ann, { k: 5 }));
    const top = before[0]!;
    expect(await markSeen(deps, ann, top)).toMatchObject({ movie: { id: top }, marked: true });
    const userId = await userOf(ann);
    expect(deps.recommendations.invalidated).toContain(userId);
    const ready = ids(await recommend(deps, ann, { k: 5 }));
    expect(ready).not.toContain(top);
    expect(ready.slice(0, 4)).toEqual(before.slice(1));
    expect(ids(await recommend(deps, ann, { k: 20, seen: [before[1]!] }))).not.toContain(top);
    const [worker] = await refreshRecommendationsMany(deps, [userId]);
    expect(worker!.map((r) => r.movieId)).not.toContain(top);
  });

  it('is no like: the taste keeps its likes, no pick is explained by it, and a click twice changes nothing', async () => {
    const top = ids(await recommend(deps, ann, { k: 1 }))[0]!;
    await markSeen(deps, ann, top);
    const userId = await userOf(ann);
    expect(await tasteOf(deps, userId)).toEqual({ likes: [1, 2, 3], dislikes: [], seen: [top] });
    expect((await recommend(deps, ann, { k: 10 })).map((p) => p.because?.id ?? null)).not.toContain(top);
    expect(announced).toEqual([{ type: 'seen-changed', userId, movieId: top, seen: true }]);
    expect((await markSeen(deps, ann, top)).marked).toBe(false);
    expect(announced).toHaveLength(1);
  });

  it('taken back, the film may be recommended again; taking back a mark that is not there is NOT_SEEN', async () => {
    const top = ids(await recommend(deps, ann, { k: 1 }))[0]!;
    await markSeen(deps, ann, top);
    expect((await unmarkSeen(deps, ann, top)).id).toBe(top);
    expect(ids(await recommend(deps, ann, { k: 1 }))).toEqual([top]);
    expect(announced.at(-1)).toEqual({ type: 'seen-changed', userId: await userOf(ann), movieId: top, seen: false });
    await expect(unmarkSeen(deps, ann, top)).rejects.toMatchObject({ code: 'NOT_SEEN', details: { title: catalog.get(top)!.title } });
    await expect(unmarkSeen(deps, bob, top)).rejects.toMatchObject({ code: 'NOT_SEEN' });
    await expect(markSeen(deps, ann, 123456)).rejects.toMatchObject({ code: 'MOVIE_NOT_FOUND' });
  });

  it('takes the film off the watchlist', async () => {
    await addToWatchlist(deps, ann, 7);
    announced.length = 0;
    await markSeen(deps, ann, 7);
    expect(await watchlist(deps, ann)).toEqual([]);
    // Seen already and "later" again (a rewatch): marking it seen once more takes it off again.
    await addToWatchlist(deps, ann, 7);
    expect((await markSeen(deps, ann, 7)).marked).toBe(false);
    expect(await watchlist(deps, ann)).toEqual([]);
    expect(announced.map((c) => c.type)).toEqual(['seen-changed', 'watchlist-changed', 'watchlist-changed']);
  });

  it('is left out of the server’s group pick', async () => {
    await joinCommunity(deps, ann, guild);
    await joinCommunity(deps, bob, guild);
    await addFavorite(deps, bob, 4);
    const before = ids((await serverPick({ ...deps, serverResults: undefined }, guild, 5)).picks);
    await markSeen(deps, bob, before[0]!);
    const after = ids((await serverPick({ ...deps, serverResults: undefined }, guild, 5)).picks);
    expect(after).not.toContain(before[0]);
  });

  it('by anyone in keeps it off the movie night shortlist, and off their nominations', async () => {
    const { state } = await startMovieNight(deps, { identity: ann, community: guild, channelId: 'c1', when: 'fri 21:00' });
    await answerRsvp(deps, { nightId: state.night.id, identity: bob, going: true, via: 'button' });
    await addFavorite(deps, bob, 4);
    const before = (await refreshShortlist(deps, state.night.id)).candidates.map((c) => c.movieId);
    await markSeen(deps, bob, before[0]!);
    // Bob's seen mark is a change of the people's taste only on the next remake: a new RSVP remakes it.
    await answerRsvp(deps, { nightId: state.night.id, identity: person('cy'), going: true, via: 'button' });
    const after = (await refreshShortlist(deps, state.night.id)).candidates.map((c) => c.movieId);
    expect(after).not.toContain(before[0]);
    await expect(nominate(deps, { nightId: state.night.id, identity: ann, movieId: before[0]! })).rejects.toMatchObject({ code: 'SEEN_BY_SOMEONE' });
  });

  it('goes with the person when they are forgotten', async () => {
    await markSeen(deps, ann, 5);
    await addToWatchlist(deps, ann, 6);
    const userId = await userOf(ann);
    await forgetUser(deps, ann);
    expect([await deps.seen.list(userId), await deps.watchlist.list(userId)]).toEqual([[], []]);
  });
});

describe('watchlist', () => {
  it('"later" leaves the film out of the person’s own list, once; removing it brings it back', async () => {
    const top = ids(await recommend(deps, ann, { k: 1 }))[0]!;
    expect(await addToWatchlist(deps, ann, top)).toMatchObject({ movie: { id: top }, added: true });
    expect(ids(await recommend(deps, ann, { k: 5 }))).not.toContain(top);
    expect((await addToWatchlist(deps, ann, top)).added).toBe(false);
    const userId = await userOf(ann);
    expect(announced).toEqual([{ type: 'watchlist-changed', userId, movieId: top, listed: true }]);
    expect((await removeFromWatchlist(deps, ann, top)).id).toBe(top);
    expect(ids(await recommend(deps, ann, { k: 1 }))).toEqual([top]);
    await expect(removeFromWatchlist(deps, ann, top)).rejects.toMatchObject({ code: 'NOT_ON_WATCHLIST', details: { title: catalog.get(top)!.title } });
  });

  it('is listed best first for the person: their own taste’s ranking, then the most recently added', async () => {
    for (const id of [41, 22, 8, 60]) await addToWatchlist(deps, ann, id);
    const listed = (await watchlist(deps, ann)).map((m) => m.id);
    // Sci-fi first for a sci-fi fan.
    expect(listed[0]).toBe(8);
    expect([...listed].sort((a, b) => a - b)).toEqual([8, 22, 41, 60]);
    expect((await watchlist({ ...deps, model: () => null }, ann)).map((m) => m.id)).toEqual([60, 8, 22, 41]);
    expect(await watchlist(deps, bob)).toEqual([]);
  });

  it('a film on someone’s watchlist may still be the group’s pick', async () => {
    await joinCommunity(deps, ann, guild);
    await joinCommunity(deps, bob, guild);
    await addFavorite(deps, bob, 4);
    const before = ids((await serverPick({ ...deps, serverResults: undefined }, guild, 5)).picks);
    await addToWatchlist(deps, bob, before[0]!);
    expect(ids((await serverPick({ ...deps, serverResults: undefined }, guild, 5)).picks)).toEqual(before);
  });
});

import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Recommender } from '../../recommender/types.ts';
import { MemoryCommunities } from '../../testing/memory-communities.ts';
import { MemoryMovieNights } from '../../testing/memory-movie-nights.ts';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback } from '../../testing/memory-stores.ts';
import { MemorySeen, MemoryWatchlist } from '../../testing/memory-taste-lists.ts';
import { smallCatalog as catalog, smallModel } from '../../testing/small-world.ts';
import { addFavorite } from '../add-favorite.ts';
import {
  answerRsvp,
  cancelMovieNight,
  closeMovieNight,
  eventCreated,
  liveNight,
  nightMessagePosted,
  nightOfEvent,
  nightState,
  refreshShortlist,
  startMovieNight,
  type NightDeps,
} from './index.ts';

const person = (id: string) => ({ platform: 'discord' as const, platformUserId: id });
const [ann, bob] = [person('ann'), person('bob')];
const guild = { platform: 'discord' as const, id: 'g1' };

let model: Recommender;
let deps: NightDeps;
beforeAll(async () => {
  model = await smallModel();
});
beforeEach(async () => {
  const favorites = new MemoryFavorites();
  const feedback = new MemoryFeedback();
  deps = {
    accounts: new MemoryAccounts(),
    favorites,
    feedback,
    catalog,
    communities: new MemoryCommunities({ favorites, feedback }),
    nights: new MemoryMovieNights(feedback),
    seen: new MemorySeen(),
    watchlist: new MemoryWatchlist(),
    model: () => model,
    now: () => new Date('2026-12-08T12:00:00Z'),
  };
  await addFavorite(deps, ann, 1);
  await addFavorite(deps, bob, 2);
});

const start = async () => (await startMovieNight(deps, { identity: ann, community: guild, channelId: 'c1', when: 'fri 21:00' })).state.night.id;

describe('closing at the deadline', () => {
  it('with no votes, the group’s top-scored candidate wins; a command still gets NO_VOTES', async () => {
    const nightId = await start();
    await answerRsvp(deps, { nightId, identity: bob, going: true, via: 'button' });
    const { candidates } = await refreshShortlist(deps, nightId);
    await expect(closeMovieNight(deps, { nightId, identity: ann, mayManage: false })).rejects.toMatchObject({ code: 'NO_VOTES' });
    const top = [...candidates].sort((a, b) => b.groupScore - a.groupScore)[0]!;
    const result = await closeMovieNight(deps, { nightId, mayManage: true, atDeadline: true });
    expect(result.winner.id).toBe(top.movieId);
    expect(result.why).toMatch(/^no votes; /);
    expect(result.state.night.status).toBe('closed');
  });

  it('with nothing to pick from it is still NO_VOTES; cancelling frees the channel for the next night', async () => {
    const nightId = await start();
    await expect(closeMovieNight(deps, { nightId, mayManage: true, atDeadline: true })).rejects.toMatchObject({ code: 'NO_VOTES' });
    expect(await cancelMovieNight(deps, nightId)).toBe(true);
    expect(await cancelMovieNight(deps, nightId)).toBe(false);
    expect(await liveNight(deps, guild, 'c1')).toBeNull();
    expect((await nightState(deps, nightId)).night.status).toBe('cancelled');
  });
});

describe('where a night lives on the platform', () => {
  it('records its message and finds it by its scheduled event', async () => {
    const nightId = await start();
    await nightMessagePosted(deps, nightId, 'm1');
    expect((await nightState(deps, nightId)).night.messageId).toBe('m1');
    expect(await nightOfEvent(deps, 'e1')).toBeNull();
    await eventCreated(deps, nightId, 'e1');
    expect((await nightOfEvent(deps, 'e1'))?.id).toBe(nightId);
  });
});

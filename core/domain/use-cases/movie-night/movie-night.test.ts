import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { TasteChanges, type TasteChange } from '../../events/taste-changes.ts';
import type { Recommender } from '../../recommender/types.ts';
import { MemoryCommunities } from '../../testing/memory-communities.ts';
import { MemoryMovieNights } from '../../testing/memory-movie-nights.ts';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback } from '../../testing/memory-stores.ts';
import { MemorySeen, MemoryWatchlist } from '../../testing/memory-taste-lists.ts';
import { smallCatalog as catalog, smallModel } from '../../testing/small-world.ts';
import { addFavorite } from '../add-favorite.ts';
import { recordFeedback } from '../record-feedback.ts';
import {
  answerPoll,
  answerRsvp,
  castVote,
  closeMovieNight,
  dueMovieNights,
  finishMovieNight,
  liveNight,
  movieNightHistory,
  movieNightTimeZone,
  nominate,
  pollSent,
  rateMovieNight,
  refreshShortlist,
  setMovieNightTimeZone,
  startMovieNight,
  startPoll,
  type NightDeps,
} from './index.ts';

const person = (id: string) => ({ platform: 'discord' as const, platformUserId: id });
type Person = ReturnType<typeof person>;
const [ann, bob, cat, dan, eve] = [person('ann'), person('bob'), person('cat'), person('dan'), person('eve')];
const tg = (id: string) => ({ platform: 'telegram' as const, platformUserId: id });
const guild = { platform: 'discord' as const, id: 'g1' };
const group = { platform: 'telegram' as const, id: '-100' };
const HOUR = 3600_000;

let model: Recommender;
let deps: NightDeps;
let nights: MemoryMovieNights;
let feedback: MemoryFeedback;
let clock: Date;
let key = 0;

beforeAll(async () => {
  model = await smallModel();
});
beforeEach(async () => {
  const favorites = new MemoryFavorites();
  feedback = new MemoryFeedback();
  nights = new MemoryMovieNights(feedback);
  clock = new Date('2026-12-08T12:00:00Z'); // a Tuesday
  deps = {
    accounts: new MemoryAccounts(),
    favorites,
    feedback,
    seen: new MemorySeen(),
    watchlist: new MemoryWatchlist(),
    catalog,
    communities: new MemoryCommunities({ favorites, feedback }),
    nights,
    model: () => model,
    now: () => clock,
  };
  // Ann and Bob like sci-fi (1–12), Cat romance (21–32); Dan disliked sci-fi 4.
  await addFavorite(deps, ann, 1);
  await addFavorite(deps, ann, 2);
  await recordFeedback(deps, { identity: bob, movieId: 3, value: 1, source: 'button' });
  await addFavorite(deps, cat, 21);
  await recordFeedback(deps, { identity: dan, movieId: 4, value: -1, source: 'button' });
});

const start = async (extra: Partial<Parameters<typeof startMovieNight>[1]> = {}) =>
  (await startMovieNight(deps, { identity: ann, community: guild, channelId: 'c1', when: 'fri 21:00', ...extra })).state;
const rsvp = (nightId: number, who: Person, going = true) => answerRsvp(deps, { nightId, identity: who, going, via: 'button' });
const vote = (nightId: number, who: Person, movieId: number, eventKey = `k${key++}`) => castVote(deps, { nightId, identity: who, movieId, eventKey });
const ids = (state: { candidates: { movieId: number }[] }) => state.candidates.map((c) => c.movieId);

/** A night with Ann (host) and Bob in and its shortlist made. */
async function twoIn() {
  const night = await start();
  await rsvp(night.night.id, bob);
  return refreshShortlist(deps, night.night.id);
}

describe('starting a movie night', () => {
  it('reads the time in the server’s zone, has the host in, and shows the live night on a second start', async () => {
    await setMovieNightTimeZone(deps, guild, 'Europe/Berlin');
    const first = await startMovieNight(deps, { identity: ann, community: guild, channelId: 'c1', when: 'fri 21:00', candidates: 3 });
    expect(first.created).toBe(true);
    expect(first.state.night).toMatchObject({ status: 'open', timeZone: 'Europe/Berlin', candidateCount: 3 });
    expect(first.state.night.startsAt.toISOString()).toBe('2026-12-11T20:00:00.000Z');
    expect(first.state.rsvps).toMatchObject([{ going: true, via: 'command' }]);
    expect(await deps.communities.memberIds(first.state.night.communityId)).toHaveLength(1);

    const second = await startMovieNight(deps, { identity: bob, community: guild, channelId: 'c1', when: 'gibberish' });
    expect(second).toMatchObject({ created: false, state: { night: { id: first.state.night.id } } });
    expect((await liveNight(deps, guild, 'c1'))?.night.id).toBe(first.state.night.id);
    expect((await startMovieNight(deps, { identity: bob, community: guild, channelId: 'c2', when: 'in 2h' })).created).toBe(true);
  });

  it('an unreadable or past time, or a candidate count outside 3–5, is a user error with an example', async () => {
    await expect(start({ when: 'whenever suits' })).rejects.toMatchObject({ code: 'BAD_WHEN', details: { example: 'fri 21:00' } });
    await expect(start({ when: 'yesterday 8pm' })).rejects.toMatchObject({ code: 'PAST_WHEN', details: { example: 'fri 21:00' } });
    await expect(start({ candidates: 6 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(start({ candidates: 2 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await liveNight(deps, guild, 'c1')).toBeNull();
  });
});

describe('time zone', () => {
  it('defaults to the configured zone, then UTC; a name that is not a zone is refused', async () => {
    expect(await movieNightTimeZone(deps, guild)).toBe('UTC');
    expect(await movieNightTimeZone({ ...deps, defaultTimeZone: 'Asia/Tokyo' }, guild)).toBe('Asia/Tokyo');
    await expect(setMovieNightTimeZone(deps, guild, 'Mars/Olympus')).rejects.toMatchObject({ code: 'BAD_TIME_ZONE', details: { example: 'Europe/Berlin' } });
    expect(await setMovieNightTimeZone(deps, guild, 'america/new_york')).toBe('America/New_York');
    expect(await movieNightTimeZone({ ...deps, defaultTimeZone: 'Asia/Tokyo' }, guild)).toBe('America/New_York');
  });
});

describe('RSVP', () => {
  it('records a change once, joins the person to the server, and refuses after the night is over', async () => {
    const { night } = await start();
    expect((await rsvp(night.id, bob)).changed).toBe(true);
    expect((await rsvp(night.id, bob)).changed).toBe(false);
    const out = await rsvp(night.id, bob, false);
    expect(out.changed).toBe(true);
    expect(out.night.id).toBe(night.id);
    expect((await nights.state(night.id))!.rsvps.find((r) => r.going === false)).toBeDefined();
    expect(await deps.communities.memberIds(night.communityId)).toHaveLength(2);
    await nights.transition(night.id, ['open'], 'cancelled');
    await expect(rsvp(night.id, cat)).rejects.toMatchObject({ code: 'NIGHT_OVER' });
    await expect(rsvp(999, cat)).rejects.toMatchObject({ code: 'NIGHT_NOT_FOUND' });
  });
});

describe('shortlist', () => {
  it('appears once two are in, leaves out what anyone in has seen, and follows RSVPs until voting starts', async () => {
    const { night } = await start();
    expect((await refreshShortlist(deps, night.id)).candidates).toEqual([]);
    await rsvp(night.id, bob);
    const two = await refreshShortlist(deps, night.id);
    expect(two.night.shortlistFor).toHaveLength(2);
    expect(two.candidates).toHaveLength(4);
    for (const seen of [1, 2, 3]) expect(ids(two)).not.toContain(seen);
    expect(two.candidates.map((c) => c.position)).toEqual([0, 1, 2, 3]);

    const setShortlist = vi.spyOn(nights, 'setShortlist');
    await refreshShortlist(deps, night.id);
    expect(setShortlist).not.toHaveBeenCalled(); // same people: nothing remade

    await rsvp(night.id, dan);
    const three = await refreshShortlist(deps, night.id);
    expect(three.night.shortlistFor).toHaveLength(3);
    expect(ids(three)).not.toContain(4); // Dan's 👎

    await vote(night.id, bob, three.candidates[0]!.movieId);
    await rsvp(night.id, cat);
    const voting = await refreshShortlist(deps, night.id);
    expect(voting.night.status).toBe('voting');
    expect(ids(voting)).toEqual(ids(three));
  });

  it('goes back to nothing when fewer than two are in', async () => {
    const two = await twoIn();
    await rsvp(two.night.id, bob, false);
    expect((await refreshShortlist(deps, two.night.id)).candidates).toEqual([]);
  });
});

describe('nominations', () => {
  it('stay on the list as it is remade, the model making room, up to 2 per member and 5 in all', async () => {
    const two = await twoIn();
    const id = two.night.id;
    await rsvp(id, cat);
    const afterNomination = await nominate(deps, { nightId: id, identity: cat, movieId: 25 });
    expect(afterNomination.candidates).toHaveLength(4);
    expect(afterNomination.candidates.filter((c) => c.nominatedBy !== null).map((c) => c.movieId)).toEqual([25]);
    await rsvp(id, eve);
    expect(ids(await refreshShortlist(deps, id))).toContain(25);

    await nominate(deps, { nightId: id, identity: cat, movieId: 26 });
    await expect(nominate(deps, { nightId: id, identity: cat, movieId: 27 })).rejects.toMatchObject({ code: 'NOMINATION_LIMIT', details: { limit: 2 } });
    await nominate(deps, { nightId: id, identity: bob, movieId: 41 });
    await nominate(deps, { nightId: id, identity: bob, movieId: 42 });
    await nominate(deps, { nightId: id, identity: eve, movieId: 43 });
    const full = await refreshShortlist(deps, id);
    expect(ids(full).sort((a, b) => a - b)).toEqual([25, 26, 41, 42, 43]);
    await expect(nominate(deps, { nightId: id, identity: eve, movieId: 44 })).rejects.toMatchObject({ code: 'SHORTLIST_FULL', details: { limit: 5 } });
  });

  it('refuses a film already on the list or one someone in has seen, naming it', async () => {
    const two = await twoIn();
    const pick = two.candidates[0]!.movieId;
    await expect(nominate(deps, { nightId: two.night.id, identity: bob, movieId: pick })).rejects.toMatchObject({ code: 'ALREADY_ON_LIST' });
    await expect(nominate(deps, { nightId: two.night.id, identity: bob, movieId: 1 })).rejects.toMatchObject({
      code: 'SEEN_BY_SOMEONE',
      details: { title: 'Sci-Fi 1 (2000)' },
    });
    await expect(nominate(deps, { nightId: two.night.id, identity: bob, movieId: 123456 })).rejects.toMatchObject({ code: 'MOVIE_NOT_FOUND' });
  });

  it('stop once the poll is out or the night is over', async () => {
    const { night } = (await startMovieNight(deps, { identity: tg('a'), community: group, channelId: '-100', when: 'fri 21:00' })).state;
    await answerRsvp(deps, { nightId: night.id, identity: tg('b'), going: true, via: 'button' });
    await startPoll(deps, night.id);
    await expect(nominate(deps, { nightId: night.id, identity: tg('a'), movieId: 30 })).rejects.toMatchObject({ code: 'POLL_SENT' });
    await nights.transition(night.id, ['voting'], 'cancelled');
    await expect(nominate(deps, { nightId: night.id, identity: tg('a'), movieId: 30 })).rejects.toMatchObject({ code: 'NIGHT_OVER' });
  });
});

describe('voting', () => {
  it('toggles an approval vote, counts a redelivered click once, and fixes the list', async () => {
    const two = await twoIn();
    const [a, b] = ids(two);
    const first = await vote(two.night.id, bob, a!, 'click-1');
    expect(first).toEqual({ applied: true, mine: [a] });
    expect((await nights.state(two.night.id))!.night.status).toBe('voting');
    expect((await vote(two.night.id, bob, a!, 'click-1')).applied).toBe(false);
    expect((await vote(two.night.id, bob, b!)).mine.sort()).toEqual([a, b].sort());
    const off = await vote(two.night.id, bob, a!);
    expect(off.mine).toEqual([b]);
    expect((await nights.state(two.night.id))!.votes).toEqual([{ userId: (await deps.accounts.findUser('discord', 'bob'))!, movieId: b }]);
    await expect(vote(two.night.id, bob, 1)).rejects.toMatchObject({ code: 'NOT_A_CANDIDATE', details: { movieId: 1 } });
    await expect(vote(999, bob, a!)).rejects.toMatchObject({ code: 'NIGHT_NOT_FOUND' });
  });

  it('a Telegram poll: fixed when sent, once; each answer replaces the person’s votes', async () => {
    const { night } = (await startMovieNight(deps, { identity: tg('a'), community: group, channelId: '-100', when: 'fri 21:00' })).state;
    await expect(startPoll(deps, night.id)).rejects.toMatchObject({ code: 'SHORTLIST_EMPTY' });
    await answerRsvp(deps, { nightId: night.id, identity: tg('b'), going: true, via: 'button' });
    const polled = await startPoll(deps, night.id);
    expect(polled.night.status).toBe('voting');
    expect(polled.candidates.length).toBeGreaterThanOrEqual(2);
    await expect(startPoll(deps, night.id)).rejects.toMatchObject({ code: 'POLL_SENT' });
    await pollSent(deps, night.id, 'poll-1', '77');

    const answer = (optionIds: number[]) => answerPoll(deps, { pollId: 'poll-1', identity: tg('b'), optionIds });
    expect((await answer([0, 1]))!.votes.map((v) => v.movieId)).toEqual(ids(polled).slice(0, 2));
    expect((await answer([2]))!.votes.map((v) => v.movieId)).toEqual([ids(polled)[2]]);
    expect((await answer([]))!.votes).toEqual([]);
    expect(await answerPoll(deps, { pollId: 'other', identity: tg('b'), optionIds: [0] })).toBeNull();
  });
});

describe('closing', () => {
  it('only the host or a manager closes; with no votes it stays open', async () => {
    const two = await twoIn();
    await expect(closeMovieNight(deps, { nightId: two.night.id, identity: bob, mayManage: false })).rejects.toMatchObject({ code: 'NOT_HOST' });
    await expect(closeMovieNight(deps, { nightId: two.night.id, identity: ann, mayManage: false })).rejects.toMatchObject({ code: 'NO_VOTES' });
    expect((await nights.state(two.night.id))!.night.status).toBe('open');
    await vote(two.night.id, bob, two.candidates[1]!.movieId);
    const closed = await closeMovieNight(deps, { nightId: two.night.id, identity: bob, mayManage: true });
    expect(closed.winner.id).toBe(two.candidates[1]!.movieId);
    expect(closed.state.night.status).toBe('closed');
  });

  it('most votes win, a tie goes to the higher group score; closing again or at once gives the one result', async () => {
    const two = await twoIn();
    const id = two.night.id;
    await rsvp(id, dan);
    const list = (await refreshShortlist(deps, id)).candidates;
    const [x, y, z] = list;
    await vote(id, ann, x!.movieId);
    await vote(id, bob, y!.movieId);
    await vote(id, dan, z!.movieId);
    await vote(id, dan, y!.movieId);
    await vote(id, ann, x!.movieId); // Ann takes hers back: y leads 2–0
    expect((await closeMovieNight(deps, { nightId: id, identity: ann, mayManage: false })).winner.id).toBe(y!.movieId);

    const other = await startMovieNight(deps, { identity: ann, community: guild, channelId: 'c9', when: 'fri 21:00' });
    const oid = other.state.night.id;
    await rsvp(oid, bob);
    const [p, q] = (await refreshShortlist(deps, oid)).candidates;
    await vote(oid, ann, p!.movieId);
    await vote(oid, bob, q!.movieId);
    const higher = p!.groupScore >= q!.groupScore ? p! : q!;
    const recordLosses = vi.spyOn(nights, 'recordLosses');
    const [one, two2] = await Promise.all([
      closeMovieNight(deps, { nightId: oid, identity: ann, mayManage: false }),
      closeMovieNight(deps, { nightId: oid, mayManage: true }),
    ]);
    expect(one.winner.id).toBe(higher.movieId);
    expect(two2.winner.id).toBe(higher.movieId);
    expect(one.why).toMatch(/^1 of 2 votes; /);
    expect(recordLosses).toHaveBeenCalledTimes(1);
    expect(recordLosses.mock.calls[0]![1]).toHaveLength(2);
    expect((await closeMovieNight(deps, { nightId: oid, identity: bob, mayManage: false })).winner.id).toBe(higher.movieId);
    await expect(vote(oid, bob, p!.movieId)).rejects.toMatchObject({ code: 'NIGHT_OVER' });
  });
});

describe('after the night', () => {
  async function closedNight() {
    const two = await twoIn();
    await vote(two.night.id, ann, two.candidates[0]!.movieId);
    return (await closeMovieNight(deps, { nightId: two.night.id, identity: ann, mayManage: false })).state;
  }

  it('closing and finishing announce that the server’s history changed (its trends page shows the nights)', async () => {
    const changes = new TasteChanges();
    const seen: TasteChange[] = [];
    changes.subscribe((c) => seen.push(c));
    deps = { ...deps, changes };
    const closed = await closedNight();
    await finishMovieNight(deps, { nightId: closed.night.id });
    const ended = seen.filter((c) => c.type === 'movie-night-ended');
    expect(ended).toEqual([
      { type: 'movie-night-ended', communityId: closed.night.communityId, nightId: closed.night.id },
      { type: 'movie-night-ended', communityId: closed.night.communityId, nightId: closed.night.id },
    ]);
  });

  it('finishes once', async () => {
    const open = await start({ channelId: 'c5' });
    expect(await finishMovieNight(deps, { nightId: open.night.id })).toBeNull();
    const closed = await closedNight();
    const done = await finishMovieNight(deps, { nightId: closed.night.id });
    expect(done?.movie.id).toBe(closed.night.winnerMovieId);
    expect(done?.state.night.status).toBe('done');
    expect(await finishMovieNight(deps, { nightId: closed.night.id })).toBeNull();
  });

  it('"how was it?" records only people who were in, once, as movie night feedback', async () => {
    const closed = await closedNight();
    await finishMovieNight(deps, { nightId: closed.night.id });
    const rate = (who: Person, value: 1 | -1, eventKey: string) => rateMovieNight(deps, { nightId: closed.night.id, identity: who, value, eventKey });
    expect(await rate(bob, 1, 'r1')).toMatchObject({ recorded: true, attended: true, movie: { id: closed.night.winnerMovieId } });
    expect((await rate(bob, 1, 'r1')).recorded).toBe(false);
    expect(await rate(cat, 1, 'r2')).toMatchObject({ recorded: false, attended: false });
    expect(await rate(eve, -1, 'r3')).toMatchObject({ recorded: false, attended: false });
    await rate(ann, -1, 'r4');
    const night = feedback.events.filter((e) => e.source === 'movienight');
    expect(night.map((e) => [e.value, e.communityId])).toEqual([
      [1, closed.night.communityId],
      [-1, closed.night.communityId],
    ]);
    const [past] = await movieNightHistory(deps, guild, 10);
    expect(past).toMatchObject({ movie: { id: closed.night.winnerMovieId }, summary: { attendees: 2, votes: 1, liked: 1, disliked: 1 } });
  });

  it('the next night leaves out the film watched and brings back the losing nominee', async () => {
    const two = await twoIn();
    const id = two.night.id;
    await nominate(deps, { nightId: id, identity: bob, movieId: 30 });
    const list = await refreshShortlist(deps, id);
    const winner = list.candidates.find((c) => c.nominatedBy === null)!.movieId;
    await vote(id, ann, winner);
    await closeMovieNight(deps, { nightId: id, identity: ann, mayManage: false });
    await finishMovieNight(deps, { nightId: id });

    const next = await start();
    expect(next.night.id).not.toBe(id);
    await rsvp(next.night.id, bob);
    const again = await refreshShortlist(deps, next.night.id);
    expect(ids(again)).not.toContain(winner);
    expect(again.candidates.find((c) => c.movieId === 30)).toMatchObject({ carriedOver: true, nominatedBy: expect.any(Number) });
    expect(again.candidates).toHaveLength(4);
    await expect(nominate(deps, { nightId: next.night.id, identity: cat, movieId: winner })).rejects.toMatchObject({ code: 'SEEN_BY_SOMEONE' });
  });
});

describe('the clock', () => {
  it('sends a Telegram poll an hour before, closes at the start, asks "how was it?" two hours after', async () => {
    const { night } = (await startMovieNight(deps, { identity: tg('a'), community: group, channelId: '-100', when: 'in 3h' })).state;
    const due = async () => {
      const d = await dueMovieNights(deps, 'telegram');
      return { toVote: d.toVote.map((n) => n.id), toClose: d.toClose.map((n) => n.id), toFinish: d.toFinish.map((n) => n.id) };
    };
    expect(await due()).toEqual({ toVote: [], toClose: [], toFinish: [] });
    clock = new Date(clock.getTime() + 2 * HOUR);
    expect(await due()).toEqual({ toVote: [night.id], toClose: [], toFinish: [] });
    expect((await dueMovieNights(deps, 'discord')).toVote).toEqual([]);
    await answerRsvp(deps, { nightId: night.id, identity: tg('b'), going: true, via: 'button' });
    await startPoll(deps, night.id);
    clock = new Date(clock.getTime() + HOUR);
    expect(await due()).toEqual({ toVote: [], toClose: [night.id], toFinish: [] });
    const state = (await nights.state(night.id))!;
    await pollSent(deps, night.id, 'p', '1');
    await answerPoll(deps, { pollId: 'p', identity: tg('b'), optionIds: [0] });
    await closeMovieNight(deps, { nightId: state.night.id, mayManage: true });
    expect(await due()).toEqual({ toVote: [], toClose: [], toFinish: [] });
    clock = new Date(clock.getTime() + 2 * HOUR);
    expect(await due()).toEqual({ toVote: [], toClose: [], toFinish: [night.id] });
  });
});

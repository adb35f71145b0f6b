import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Candidate, MovieNight, NewMovieNight } from '../movie-night/movie-night.ts';
import type { FeedbackSource } from '../model.ts';
import type { MovieNightStore } from '../ports/movie-night.store.ts';

/**
 * What every MovieNightStore does, whatever keeps it: run by the Postgres
 * and PGlite repository (core/infra/db/movie-nights.contract.test.ts) and
 * by any in-memory store, through a fixture that makes the people,
 * communities and films the store's rows refer to.
 */
export interface MovieNightFixture {
  nights: MovieNightStore;
  /** A new person; their user id. */
  user(): Promise<number>;
  /** A new community; its id. */
  community(): Promise<number>;
  /** At least 8 film ids that exist. */
  movies: readonly number[];
  /** A 👍/👎 as recordFeedback stores it (rateMovieNight: source `movienight`, the night's community). */
  feedback(userId: number, movieId: number, value: 1 | -1 | 0, source: FeedbackSource, communityId: number): Promise<void>;
  /** Forgets a person (forgetUser): what they left on nights goes with them. */
  forget(userId: number): Promise<void>;
  close(): Promise<void>;
}

const HOUR = 60 * 60 * 1000;

export function movieNightStoreContract(name: string, openFixture: () => Promise<MovieNightFixture>): void {
  describe(`MovieNightStore on ${name}`, () => {
    let fx: MovieNightFixture;
    let m: readonly number[];
    beforeAll(async () => {
      fx = await openFixture();
      m = fx.movies;
    });
    afterAll(async () => {
      await fx?.close();
    });

    const newNight = (communityId: number, hostUserId: number, over: Partial<NewMovieNight> = {}): NewMovieNight => ({
      communityId,
      platform: 'discord',
      channelId: 'chan',
      hostUserId,
      startsAt: new Date('2030-01-10T20:00:00Z'),
      timeZone: 'Europe/Berlin',
      voiceChannelId: 'voice-1',
      location: null,
      candidateCount: 4,
      ...over,
    });
    /** A fresh community with one open night in it. */
    const start = async (over: Partial<NewMovieNight> = {}) => {
      const community = await fx.community();
      const host = await fx.user();
      const { night } = await fx.nights.open(newNight(community, host, over));
      return { night, community, host };
    };
    const pick = (movieId: number, position: number, groupScore = 1): Candidate => ({ movieId, position, nominatedBy: null, carriedOver: false, groupScore });
    // One after another: ids in creation order, which the tests' expected orders rely on.
    const users = async (n: number) => {
      const ids: number[] = [];
      for (let i = 0; i < n; i++) ids.push(await fx.user());
      return ids;
    };
    const close = (night: MovieNight, winnerMovieId: number) => fx.nights.transition(night.id, ['open', 'voting'], 'closed', { winnerMovieId });

    it('opens a night with what it was given, and one live night per channel', async () => {
      const { night, community, host } = await start({ location: 'Ann’s place', voiceChannelId: null });
      expect(night).toMatchObject({
        communityId: community,
        hostUserId: host,
        channelId: 'chan',
        status: 'open',
        location: 'Ann’s place',
        voiceChannelId: null,
      });
      expect(night).toMatchObject({ timeZone: 'Europe/Berlin', candidateCount: 4, messageId: null, pollId: null, eventId: null, winnerMovieId: null });
      expect(night.startsAt.toISOString()).toBe('2030-01-10T20:00:00.000Z');
      expect([night.shortlistFor, night.favoured, night.closedAt, night.doneAt]).toEqual([[], [], null, null]);
      const again = await fx.nights.open(newNight(community, await fx.user(), { startsAt: new Date('2030-02-01T20:00:00Z') }));
      expect(again).toEqual({ night, created: false });
      expect((await fx.nights.open(newNight(community, host, { channelId: 'other' }))).created).toBe(true);
      expect(await close(night, m[0]!)).toBe(true);
      const next = await fx.nights.open(newNight(community, host));
      expect(next.created).toBe(true);
      expect(next.night.id).not.toBe(night.id);
    });

    it('opens exactly one night when several starts in a channel race', async () => {
      const community = await fx.community();
      const hosts = await users(8);
      const results = await Promise.all(hosts.map((h) => fx.nights.open(newNight(community, h))));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.night.id)).size).toBe(1);
    });

    it('reads a night back by id, channel, poll and event', async () => {
      const { night, community } = await start({ platform: 'telegram', channelId: '-100' });
      expect(await fx.nights.state(night.id + 1_000_000)).toBeNull();
      await fx.nights.setMessage(night.id, 'msg-1');
      await fx.nights.setPoll(night.id, `poll-${night.id}`, 'msg-2');
      await fx.nights.setEvent(night.id, `event-${night.id}`);
      const state = await fx.nights.state(night.id);
      expect(state).toEqual({
        night: { ...night, messageId: 'msg-1', pollId: `poll-${night.id}`, pollMessageId: 'msg-2', eventId: `event-${night.id}` },
        rsvps: [],
        candidates: [],
        votes: [],
      });
      expect(await fx.nights.night(night.id)).toEqual(state!.night);
      expect(await fx.nights.night(night.id + 1_000_000)).toBeNull();
      expect((await fx.nights.findByPoll(`poll-${night.id}`))?.id).toBe(night.id);
      expect((await fx.nights.findByEvent(`event-${night.id}`))?.id).toBe(night.id);
      expect(await fx.nights.findByPoll('no-such-poll')).toBeNull();
      expect(await fx.nights.findByEvent('no-such-event')).toBeNull();
      expect((await fx.nights.latestIn(community, '-100', ['open']))?.id).toBe(night.id);
      expect(await fx.nights.latestIn(community, '-100', ['closed', 'done'])).toBeNull();
      expect(await fx.nights.latestIn(community, 'elsewhere', ['open'])).toBeNull();
      await close(night, m[0]!);
      const second = (await fx.nights.open(newNight(community, night.hostUserId, { platform: 'telegram', channelId: '-100' }))).night;
      expect((await fx.nights.latestIn(community, '-100', ['open', 'closed']))?.id).toBe(second.id);
      expect((await fx.nights.latestIn(community, '-100', ['closed']))?.id).toBe(night.id);
    });

    it('records who is in, and says when an answer changed', async () => {
      const { night } = await start();
      const [a, b] = await users(2);
      expect(await fx.nights.setRsvp(night.id, a!, true, 'button')).toBe(true);
      expect(await fx.nights.setRsvp(night.id, a!, true, 'event')).toBe(false);
      expect(await fx.nights.setRsvp(night.id, b!, false, 'command')).toBe(true);
      expect(await fx.nights.setRsvp(night.id, a!, false, 'button')).toBe(true);
      expect(await fx.nights.setRsvp(night.id, b!, true, 'event')).toBe(true);
      const { rsvps } = (await fx.nights.state(night.id))!;
      const byUser = (x: { userId: number }, y: { userId: number }) => x.userId - y.userId;
      expect(rsvps.map(({ userId, going, via }) => ({ userId, going, via })).sort(byUser)).toEqual(
        [
          { userId: a!, going: false, via: 'button' },
          { userId: b!, going: true, via: 'event' },
        ].sort(byUser),
      );
      expect(rsvps.every((r) => r.at instanceof Date)).toBe(true);
    });

    it('remakes the model picks while open, keeping the nominations after them', async () => {
      const { night } = await start();
      const [a, b] = await users(2);
      expect(await fx.nights.addCandidate(night.id, { movieId: m[0]!, nominatedBy: a!, carriedOver: false, groupScore: 0.5 })).toBe(true);
      expect(await fx.nights.addCandidate(night.id, { movieId: m[0]!, nominatedBy: b!, carriedOver: false, groupScore: 0.5 })).toBe(false);
      const carried: Candidate = { movieId: m[3]!, position: 2, nominatedBy: b!, carriedOver: true, groupScore: 0.25 };
      expect(await fx.nights.setShortlist(night.id, [pick(m[1]!, 0, 3), pick(m[2]!, 1, 2), carried], [b!, a!], [b!])).toBe(true);
      let state = (await fx.nights.state(night.id))!;
      expect(state.candidates).toEqual([
        { movieId: m[1], position: 0, nominatedBy: null, carriedOver: false, groupScore: 3 },
        { movieId: m[2], position: 1, nominatedBy: null, carriedOver: false, groupScore: 2 },
        { movieId: m[3], position: 2, nominatedBy: b, carriedOver: true, groupScore: 0.25 },
        { movieId: m[0], position: 3, nominatedBy: a, carriedOver: false, groupScore: 0.5 },
      ]);
      expect(state.night.shortlistFor).toEqual([a, b].sort((x, y) => x! - y!));
      expect(state.night.favoured).toEqual([b]);
      // Picks and carried-over nominees are replaced; a pick that is already a nomination stays a nomination.
      expect(await fx.nights.setShortlist(night.id, [pick(m[4]!, 0, 5), pick(m[0]!, 1, 4)], [a!], [])).toBe(true);
      expect(await fx.nights.addCandidate(night.id, { movieId: m[5]!, nominatedBy: b!, carriedOver: false, groupScore: 0 })).toBe(true);
      state = (await fx.nights.state(night.id))!;
      expect(state.candidates).toEqual([
        { movieId: m[4], position: 0, nominatedBy: null, carriedOver: false, groupScore: 5 },
        { movieId: m[0], position: 1, nominatedBy: a, carriedOver: false, groupScore: 0.5 },
        { movieId: m[5], position: 2, nominatedBy: b, carriedOver: false, groupScore: 0 },
      ]);
      expect([state.night.shortlistFor, state.night.favoured]).toEqual([[a], []]);
    });

    it('fixes the list once voting starts: the shortlist is refused, nominations still go to the end', async () => {
      const { night } = await start();
      const [a] = await users(1);
      await fx.nights.setShortlist(night.id, [pick(m[0]!, 0), pick(m[1]!, 1)], [a!], []);
      expect((await fx.nights.toggleVote(night.id, a!, m[0]!, `first-${night.id}`)).applied).toBe(true);
      expect((await fx.nights.state(night.id))!.night.status).toBe('voting');
      expect(await fx.nights.setShortlist(night.id, [pick(m[5]!, 0)], [a!], [])).toBe(false);
      expect(await fx.nights.addCandidate(night.id, { movieId: m[2]!, nominatedBy: a!, carriedOver: false, groupScore: 0 })).toBe(true);
      const state = (await fx.nights.state(night.id))!;
      expect(state.candidates.map((c) => [c.movieId, c.position])).toEqual([
        [m[0], 0],
        [m[1], 1],
        [m[2], 2],
      ]);
      expect(state.votes).toEqual([{ userId: a, movieId: m[0] }]);
    });

    it('gives racing nominations distinct places at the end of the list', async () => {
      const { night } = await start();
      const nominators = await users(5);
      const added = await Promise.all(
        nominators.map((u, n) => fx.nights.addCandidate(night.id, { movieId: m[n]!, nominatedBy: u, carriedOver: false, groupScore: 0 })),
      );
      expect(added).toEqual([true, true, true, true, true]);
      const positions = (await fx.nights.state(night.id))!.candidates.map((c) => c.position);
      expect(positions).toEqual([0, 1, 2, 3, 4]);
    });

    it('toggles approval votes once per click, however often a click is delivered', async () => {
      const { night } = await start();
      const [a, b] = await users(2);
      await fx.nights.setShortlist(night.id, [pick(m[0]!, 0), pick(m[1]!, 1), pick(m[2]!, 2)], [a!, b!], []);
      expect(await fx.nights.toggleVote(night.id, a!, m[0]!, 'k1')).toEqual({ applied: true, mine: [m[0]] });
      expect(await fx.nights.toggleVote(night.id, a!, m[2]!, 'k2')).toEqual({ applied: true, mine: [m[0], m[2]].sort((x, y) => x! - y!) });
      expect(await fx.nights.toggleVote(night.id, a!, m[2]!, 'k2')).toEqual({ applied: false, mine: [m[0], m[2]].sort((x, y) => x! - y!) });
      expect(await fx.nights.toggleVote(night.id, a!, m[0]!, 'k3')).toEqual({ applied: true, mine: [m[2]] });
      // The same click delivered five times at once counts once.
      const redelivered = await Promise.all(Array.from({ length: 5 }, () => fx.nights.toggleVote(night.id, b!, m[1]!, 'k4')));
      expect(redelivered.filter((r) => r.applied)).toHaveLength(1);
      expect(redelivered.every((r) => r.mine.length === 1 && r.mine[0] === m[1])).toBe(true);
      // A film off the list is no vote.
      expect(await fx.nights.toggleVote(night.id, b!, m[6]!, 'k5')).toEqual({ applied: false, mine: [m[1]] });
      const votes = (await fx.nights.state(night.id))!.votes;
      expect(votes.map((v) => `${v.userId}:${v.movieId}`).sort()).toEqual([`${a}:${m[2]}`, `${b}:${m[1]}`].sort());
    });

    it('counts every vote of many people clicking at once', async () => {
      const { night } = await start();
      const people = await users(30);
      await fx.nights.setShortlist(night.id, [pick(m[0]!, 0), pick(m[1]!, 1)], people, []);
      const results = await Promise.all(people.map((u, n) => fx.nights.toggleVote(night.id, u, m[n % 2]!, `burst-${night.id}-${n}`)));
      expect(results.every((r) => r.applied && r.mine.length === 1)).toBe(true);
      const state = (await fx.nights.state(night.id))!;
      expect(state.votes).toHaveLength(30);
      expect(state.night.status).toBe('voting');
    });

    it('replaces a person’s votes with a poll answer, leaving out films off the list', async () => {
      const { night } = await start({ platform: 'telegram' });
      const [a, b] = await users(2);
      await fx.nights.setShortlist(night.id, [pick(m[0]!, 0), pick(m[1]!, 1), pick(m[2]!, 2)], [a!, b!], []);
      await fx.nights.transition(night.id, ['open'], 'voting');
      await fx.nights.replaceVotes(night.id, a!, [m[0]!, m[1]!]);
      await fx.nights.replaceVotes(night.id, b!, [m[2]!, m[7]!]);
      await fx.nights.replaceVotes(night.id, a!, [m[1]!]);
      const votes = () => fx.nights.state(night.id).then((s) => s!.votes.map((v) => `${v.userId}:${v.movieId}`).sort());
      expect(await votes()).toEqual([`${a}:${m[1]}`, `${b}:${m[2]}`].sort());
      await fx.nights.replaceVotes(night.id, b!, []);
      expect(await votes()).toEqual([`${a}:${m[1]}`]);
    });

    it('takes no vote once the night is closed', async () => {
      const { night } = await start();
      const [a] = await users(1);
      await fx.nights.setShortlist(night.id, [pick(m[0]!, 0), pick(m[1]!, 1)], [a!], []);
      await fx.nights.toggleVote(night.id, a!, m[0]!, `c1-${night.id}`);
      await close(night, m[0]!);
      expect(await fx.nights.toggleVote(night.id, a!, m[1]!, `c2-${night.id}`)).toEqual({ applied: false, mine: [m[0]] });
      await fx.nights.replaceVotes(night.id, a!, []);
      expect((await fx.nights.state(night.id))!.votes).toEqual([{ userId: a, movieId: m[0] }]);
    });

    it('moves a night on once: of two racing closes one wins, and done follows closed', async () => {
      const { night } = await start();
      const results = await Promise.all([close(night, m[0]!), close(night, m[1]!)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      let after = (await fx.nights.state(night.id))!.night;
      expect(after.status).toBe('closed');
      expect(after.winnerMovieId).toBe(results[0] ? m[0] : m[1]);
      expect(after.closedAt).toBeInstanceOf(Date);
      expect(await fx.nights.transition(night.id, ['open', 'voting'], 'cancelled')).toBe(false);
      expect(await fx.nights.transition(night.id, [], 'done')).toBe(false);
      const finishes = await Promise.all([fx.nights.transition(night.id, ['closed'], 'done'), fx.nights.transition(night.id, ['closed'], 'done')]);
      expect(finishes.filter(Boolean)).toHaveLength(1);
      after = (await fx.nights.state(night.id))!.night;
      expect([after.status, after.winnerMovieId]).toEqual(['done', results[0] ? m[0] : m[1]]);
      expect(after.doneAt).toBeInstanceOf(Date);
    });

    it('keeps each member’s losses on the last nights they attended, newest first', async () => {
      const community = await fx.community();
      const [host, a, b, c] = await users(4);
      const at = (day: number) => new Date(Date.UTC(2030, 0, day, 20));
      const nightOn = async (day: number, losses: [number, number][], status: 'closed' | 'open' = 'closed') => {
        const { night } = await fx.nights.open(newNight(community, host!, { channelId: `d${day}`, startsAt: at(day) }));
        if (status === 'closed') await close(night, m[0]!);
        await fx.nights.recordLosses(
          night.id,
          losses.map(([userId, loss]) => ({ userId, loss })),
        );
        return night;
      };
      await nightOn(1, [[a!, 0.1]]);
      await nightOn(3, [
        [a!, 0.5],
        [b!, 0.2],
      ]);
      const recorded = await nightOn(4, [[b!, 0.3]]);
      await nightOn(5, [[a!, 0.9]]);
      await nightOn(7, [[a!, 1]], 'open'); // not decided: not counted
      await fx.nights.recordLosses(recorded.id, [{ userId: b!, loss: 0.4 }]);
      const other = await fx.community();
      const { night: elsewhere } = await fx.nights.open(newNight(other, host!));
      await close(elsewhere, m[0]!);
      await fx.nights.recordLosses(elsewhere.id, [{ userId: a!, loss: 0.7 }]);
      const losses = await fx.nights.recentLosses(community, [a!, b!, c!], 2);
      expect([...losses.keys()].sort()).toEqual([a, b, c].sort());
      expect(losses.get(a!)).toEqual([expect.closeTo(0.9, 5), expect.closeTo(0.5, 5)]);
      expect(losses.get(b!)).toEqual([expect.closeTo(0.4, 5), expect.closeTo(0.2, 5)]);
      expect(losses.get(c!)).toEqual([]);
      expect((await fx.nights.recentLosses(community, [], 2)).size).toBe(0);
    });

    it('knows what a community watched and which nominations lost its last night', async () => {
      const community = await fx.community();
      const [host, a, b] = await users(3);
      const sorted = (ids: number[]) => [...ids].sort((x, y) => x - y);
      expect(await fx.nights.watched(community)).toEqual([]);
      expect(await fx.nights.losingNominees(community)).toEqual([]);
      const { night: first } = await fx.nights.open(newNight(community, host!, { startsAt: new Date('2030-03-01T20:00:00Z') }));
      await fx.nights.setShortlist(first.id, [pick(m[0]!, 0), pick(m[1]!, 1)], [a!, b!], []);
      for (const [movieId, by] of [
        [m[2]!, a!],
        [m[3]!, b!],
        [m[4]!, b!],
      ] as const)
        await fx.nights.addCandidate(first.id, { movieId, nominatedBy: by, carriedOver: false, groupScore: 0 });
      expect(await fx.nights.losingNominees(community)).toEqual([]); // not decided yet
      await close(first, m[3]!);
      expect(await fx.nights.watched(community)).toEqual([m[3]]);
      const lost = [
        { movieId: m[2], nominatedBy: a },
        { movieId: m[4], nominatedBy: b },
      ];
      expect(await fx.nights.losingNominees(community)).toEqual(lost);
      // While the next night is live they stay the answer: its shortlist is remade with them.
      const { night: second } = await fx.nights.open(newNight(community, host!, { startsAt: new Date('2030-03-08T20:00:00Z') }));
      const carried = lost.map((l, n) => ({ movieId: l.movieId!, position: n, nominatedBy: l.nominatedBy!, carriedOver: true, groupScore: 0 }));
      await fx.nights.setShortlist(second.id, [pick(m[5]!, 0), pick(m[6]!, 1), ...carried], [a!, b!], []);
      await fx.nights.addCandidate(second.id, { movieId: m[7]!, nominatedBy: a!, carriedOver: false, groupScore: 0 });
      expect(await fx.nights.losingNominees(community)).toEqual(lost);
      await close(second, m[5]!);
      // Carried-over nominees get one more night: only the new nomination carries on.
      expect(await fx.nights.losingNominees(community)).toEqual([{ movieId: m[7], nominatedBy: a }]);
      await fx.nights.transition(second.id, ['closed'], 'done');
      expect(sorted(await fx.nights.watched(community))).toEqual(sorted([m[3]!, m[5]!]));
      const { night: cancelled } = await fx.nights.open(newNight(community, host!, { channelId: 'c2' }));
      await fx.nights.transition(cancelled.id, ['open'], 'cancelled', { winnerMovieId: m[6]! });
      expect(sorted(await fx.nights.watched(community))).toEqual(sorted([m[3]!, m[5]!]));
      expect(await fx.nights.losingNominees(community)).toEqual([{ movieId: m[7], nominatedBy: a }]);
    });

    it('lists past nights newest first, with who came, how many voted and how they liked it', async () => {
      const community = await fx.community();
      const [host, a, b, c, outsider] = await users(5);
      const { night: older } = await fx.nights.open(newNight(community, host!, { startsAt: new Date('2030-04-01T20:00:00Z') }));
      await close(older, m[0]!);
      const { night } = await fx.nights.open(newNight(community, host!, { startsAt: new Date('2030-04-08T20:00:00Z') }));
      for (const u of [a!, b!, c!]) await fx.nights.setRsvp(night.id, u, true, 'button');
      await fx.nights.setRsvp(night.id, outsider!, false, 'button');
      await fx.nights.setShortlist(night.id, [pick(m[1]!, 0), pick(m[2]!, 1)], [a!, b!, c!], []);
      await fx.nights.toggleVote(night.id, a!, m[1]!, `h1-${night.id}`);
      await fx.nights.toggleVote(night.id, b!, m[1]!, `h2-${night.id}`);
      await fx.nights.toggleVote(night.id, b!, m[2]!, `h3-${night.id}`);
      await fx.nights.toggleVote(night.id, c!, m[2]!, `h4-${night.id}`);
      await close(night, m[1]!);
      await fx.nights.transition(night.id, ['closed'], 'done');
      await fx.feedback(a!, m[1]!, 1, 'movienight', community);
      await fx.feedback(b!, m[1]!, 1, 'movienight', community);
      await fx.feedback(b!, m[1]!, -1, 'movienight', community); // changed their mind: the last answer counts
      await fx.feedback(c!, m[1]!, 1, 'button', community); // not an answer to "how was it?"
      await fx.feedback(outsider!, m[1]!, 1, 'movienight', community); // was not in
      const { night: open } = await fx.nights.open(newNight(community, host!, { channelId: 'c3' }));
      expect(open.status).toBe('open');
      const history = await fx.nights.history(community, 10);
      expect(history.map((h) => h.nightId)).toEqual([night.id, older.id]);
      expect(history[0]).toEqual({
        nightId: night.id,
        startsAt: night.startsAt,
        timeZone: 'Europe/Berlin',
        winnerMovieId: m[1],
        attendees: 3,
        votes: 3,
        liked: 1,
        disliked: 1,
      });
      expect(history[1]).toMatchObject({ winnerMovieId: m[0], attendees: 0, votes: 0, liked: 0, disliked: 0 });
      expect(await fx.nights.history(community, 1)).toHaveLength(1);
    });

    it('says which nights are due: a Telegram poll an hour ahead, a close at the start, "how was it" two hours on', async () => {
      const community = await fx.community();
      const host = await fx.user();
      const now = new Date('2031-06-01T18:00:00Z');
      const open = async (platform: 'telegram' | 'discord', channelId: string, startsInMs: number) =>
        (await fx.nights.open(newNight(community, host, { platform, channelId, startsAt: new Date(now.getTime() + startsInMs) }))).night;
      const pollSoon = await open('telegram', 'tg-soon', 30 * 60 * 1000);
      await open('telegram', 'tg-later', 2 * HOUR);
      const started = await open('telegram', 'tg-started', -60 * 1000);
      const voting = await open('telegram', 'tg-voting', -HOUR);
      await fx.nights.transition(voting.id, ['open'], 'voting');
      const ended = await open('telegram', 'tg-ended', -3 * HOUR);
      await close(ended, m[0]!);
      const ongoing = await open('telegram', 'tg-ongoing', -HOUR);
      await close(ongoing, m[0]!);
      const discordSoon = await open('discord', 'dc-soon', 30 * 60 * 1000);
      const discordStarted = await open('discord', 'dc-started', -1);
      const mine = (list: MovieNight[]) => list.filter((n) => n.communityId === community).map((n) => n.id);
      const tg = await fx.nights.due('telegram', now);
      expect(mine(tg.toVote).sort()).toEqual([pollSoon.id, started.id].sort());
      expect(mine(tg.toClose).sort()).toEqual([started.id, voting.id].sort());
      expect(mine(tg.toFinish)).toEqual([ended.id]);
      const dc = await fx.nights.due('discord', now);
      expect(mine(dc.toVote)).toEqual([]);
      expect(mine(dc.toClose)).toEqual([discordStarted.id]);
      expect(mine(dc.toFinish)).toEqual([]);
      expect(discordSoon.status).toBe('open');
    });

    it('keeps a community’s movie-night time zone', async () => {
      const community = await fx.community();
      expect(await fx.nights.timeZone(community)).toBeNull();
      await fx.nights.setTimeZone(community, 'America/New_York');
      await fx.nights.setTimeZone(community, 'Asia/Tokyo');
      expect(await fx.nights.timeZone(community)).toBe('Asia/Tokyo');
      expect(await fx.nights.timeZone(await fx.community())).toBeNull();
    });

    it('forgetting a person removes what they did on nights; the nights stay for everyone else', async () => {
      const { night, host } = await start();
      const [gone, stays] = await users(2);
      await fx.nights.setRsvp(night.id, gone!, true, 'button');
      await fx.nights.setRsvp(night.id, stays!, true, 'button');
      await fx.nights.setShortlist(night.id, [pick(m[0]!, 0), pick(m[1]!, 1)], [gone!, stays!], [gone!]);
      await fx.nights.toggleVote(night.id, gone!, m[0]!, `f1-${night.id}`);
      await fx.nights.toggleVote(night.id, stays!, m[1]!, `f2-${night.id}`);
      await close(night, m[1]!);
      await fx.nights.recordLosses(night.id, [
        { userId: gone!, loss: 1 },
        { userId: stays!, loss: 0 },
      ]);
      await fx.forget(gone!);
      await fx.forget(host);
      const state = (await fx.nights.state(night.id))!;
      expect(state.rsvps.map((r) => r.userId)).toEqual([stays]);
      expect(state.votes).toEqual([{ userId: stays, movieId: m[1] }]);
      expect([state.night.shortlistFor, state.night.favoured]).toEqual([[stays], []]);
      expect(state.night.hostUserId).not.toBe(host);
      expect(state.night.winnerMovieId).toBe(m[1]);
      const losses = await fx.nights.recentLosses(state.night.communityId, [gone!, stays!], 5);
      expect([losses.get(gone!), losses.get(stays!)]).toEqual([[], [0]]);
    });
  });
}

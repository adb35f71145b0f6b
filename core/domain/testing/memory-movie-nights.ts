import type {
  Candidate,
  MovieNight,
  NewMovieNight,
  NightLoss,
  NightState,
  NightStatus,
  NightSummary,
  Rsvp,
  RsvpVia,
  Vote,
} from '../movie-night/movie-night.ts';
import { DEFAULT_NIGHT_MS, LIVE_STATUSES, POLL_LEAD_MS } from '../movie-night/movie-night.ts';
import type { Platform } from '../model.ts';
import type { MovieNightStore } from '../ports/movie-night.store.ts';
import type { MemoryFeedback, MemoryPersonRows } from './memory-stores.ts';

interface Stored {
  night: MovieNight;
  rsvps: Rsvp[];
  candidates: Candidate[];
  votes: Vote[];
  eventKeys: Set<string>;
  losses: NightLoss[];
}

const isNomination = (c: Candidate) => c.nominatedBy !== null && !c.carriedOver;

/**
 * An in-memory movie night store for use-case tests, keeping the port's
 * promises (conditional transitions, idempotent votes, one live night per
 * channel). "How was it?" counts in the history come from the memory
 * feedback given, as the database reads them from its feedback table.
 */
export class MemoryMovieNights implements MovieNightStore, MemoryPersonRows {
  readonly nights = new Map<number, Stored>();
  readonly zones = new Map<number, string>();
  private next = 1;

  constructor(private readonly feedback?: MemoryFeedback) {}

  async open(input: NewMovieNight) {
    const live = [...this.nights.values()].find(
      (s) => s.night.communityId === input.communityId && s.night.channelId === input.channelId && LIVE_STATUSES.includes(s.night.status),
    );
    if (live) return { night: { ...live.night }, created: false };
    const night: MovieNight = {
      ...input,
      id: this.next++,
      status: 'open',
      messageId: null,
      pollId: null,
      pollMessageId: null,
      eventId: null,
      winnerMovieId: null,
      shortlistFor: [],
      favoured: [],
      createdAt: new Date(),
      closedAt: null,
      doneAt: null,
    };
    this.nights.set(night.id, { night, rsvps: [], candidates: [], votes: [], eventKeys: new Set(), losses: [] });
    return { night: { ...night }, created: true };
  }

  async night(nightId: number): Promise<MovieNight | null> {
    const s = this.nights.get(nightId);
    return s ? { ...s.night, shortlistFor: [...s.night.shortlistFor], favoured: [...s.night.favoured] } : null;
  }

  async state(nightId: number): Promise<NightState | null> {
    const s = this.nights.get(nightId);
    if (!s) return null;
    return {
      night: { ...s.night, shortlistFor: [...s.night.shortlistFor], favoured: [...s.night.favoured] },
      rsvps: s.rsvps.map((r) => ({ ...r })),
      candidates: s.candidates.map((c) => ({ ...c })),
      votes: s.votes.map((v) => ({ ...v })),
    };
  }

  async latestIn(communityId: number, channelId: string, statuses: readonly NightStatus[]) {
    const found = [...this.nights.values()]
      .map((s) => s.night)
      .filter((n) => n.communityId === communityId && n.channelId === channelId && statuses.includes(n.status));
    const newest = found.sort((a, b) => b.id - a.id)[0];
    return newest ? { ...newest } : null;
  }
  async findByPoll(pollId: string) {
    const s = [...this.nights.values()].find((x) => x.night.pollId === pollId);
    return s ? { ...s.night } : null;
  }
  async findByEvent(eventId: string) {
    const s = [...this.nights.values()].find((x) => x.night.eventId === eventId);
    return s ? { ...s.night } : null;
  }
  async setMessage(nightId: number, messageId: string) {
    this.patch(nightId, { messageId });
  }
  async setPoll(nightId: number, pollId: string, pollMessageId: string) {
    this.patch(nightId, { pollId, pollMessageId });
  }
  async setEvent(nightId: number, eventId: string) {
    this.patch(nightId, { eventId });
  }

  async setRsvp(nightId: number, userId: number, going: boolean, via: RsvpVia) {
    const s = this.nights.get(nightId);
    if (!s) return false;
    const r = s.rsvps.find((x) => x.userId === userId);
    if (r?.going === going) return false;
    if (r) Object.assign(r, { going, via, at: new Date() });
    else s.rsvps.push({ userId, going, via, at: new Date() });
    return true;
  }

  async setShortlist(nightId: number, picks: readonly Candidate[], shortlistFor: readonly number[], favoured: readonly number[]) {
    const s = this.nights.get(nightId);
    if (!s || s.night.status !== 'open') return false;
    // A pick that is already a nomination stays a nomination.
    const nominations = s.candidates.filter(isNomination);
    const taken = new Set(nominations.map((c) => c.movieId));
    const fresh = [...new Map(picks.filter((p) => !taken.has(p.movieId)).map((p) => [p.movieId, p])).values()];
    s.candidates = [...fresh, ...nominations].map((c, position) => ({ ...c, position }));
    s.night.shortlistFor = [...shortlistFor].sort((a, b) => a - b);
    s.night.favoured = [...favoured];
    return true;
  }

  async addCandidate(nightId: number, candidate: Omit<Candidate, 'position'>) {
    const s = this.nights.get(nightId);
    if (!s || !LIVE_STATUSES.includes(s.night.status) || s.candidates.some((c) => c.movieId === candidate.movieId)) return false;
    s.candidates.push({ ...candidate, position: s.candidates.length });
    return true;
  }

  async toggleVote(nightId: number, userId: number, movieId: number, eventKey: string) {
    const s = this.nights.get(nightId);
    if (!s) return { applied: false, mine: [] };
    const mine = () => s.votes.filter((v) => v.userId === userId).map((v) => v.movieId);
    if (s.eventKeys.has(eventKey) || !LIVE_STATUSES.includes(s.night.status)) return { applied: false, mine: mine() };
    s.eventKeys.add(eventKey);
    // A vote is for a film on the list (the database's votes reference their candidate).
    if (!s.candidates.some((c) => c.movieId === movieId)) return { applied: false, mine: mine() };
    const at = s.votes.findIndex((v) => v.userId === userId && v.movieId === movieId);
    if (at >= 0) s.votes.splice(at, 1);
    else s.votes.push({ userId, movieId });
    if (s.night.status === 'open') s.night.status = 'voting';
    return { applied: true, mine: mine() };
  }

  async replaceVotes(nightId: number, userId: number, movieIds: readonly number[]) {
    const s = this.nights.get(nightId);
    // A late poll answer changes nothing once the night is closed; films off the list are left out.
    if (!s || !LIVE_STATUSES.includes(s.night.status)) return;
    const onList = [...new Set(movieIds)].filter((movieId) => s.candidates.some((c) => c.movieId === movieId));
    s.votes = [...s.votes.filter((v) => v.userId !== userId), ...onList.map((movieId) => ({ userId, movieId }))];
  }

  async transition(nightId: number, from: readonly NightStatus[], to: NightStatus, patch?: { winnerMovieId?: number }) {
    const s = this.nights.get(nightId);
    if (!s || !from.includes(s.night.status)) return false;
    s.night.status = to;
    if (patch?.winnerMovieId !== undefined) s.night.winnerMovieId = patch.winnerMovieId;
    if (to === 'closed') s.night.closedAt = new Date();
    if (to === 'done') s.night.doneAt = new Date();
    return true;
  }

  async recordLosses(nightId: number, losses: readonly NightLoss[]) {
    const s = this.nights.get(nightId);
    if (s) s.losses = losses.map((l) => ({ ...l }));
  }

  async recentLosses(communityId: number, userIds: readonly number[], nights: number) {
    const closed = this.closedNights(communityId);
    return new Map(userIds.map((userId) => [userId, closed.flatMap((s) => s.losses.filter((l) => l.userId === userId).map((l) => l.loss)).slice(0, nights)]));
  }

  async watched(communityId: number) {
    return this.closedNights(communityId).map((s) => s.night.winnerMovieId!);
  }

  async losingNominees(communityId: number) {
    const last = this.closedNights(communityId)[0];
    if (!last) return [];
    return last.candidates
      .filter((c) => isNomination(c) && c.movieId !== last.night.winnerMovieId)
      .map((c) => ({ movieId: c.movieId, nominatedBy: c.nominatedBy }));
  }

  async history(communityId: number, limit: number): Promise<NightSummary[]> {
    return this.closedNights(communityId)
      .sort((a, b) => b.night.startsAt.getTime() - a.night.startsAt.getTime())
      .slice(0, limit)
      .map((s) => {
        const going = s.rsvps.filter((r) => r.going).map((r) => r.userId);
        const rated = going.map((userId) => this.ratingOf(s.night, userId));
        return {
          nightId: s.night.id,
          startsAt: s.night.startsAt,
          timeZone: s.night.timeZone,
          winnerMovieId: s.night.winnerMovieId!,
          attendees: going.length,
          votes: new Set(s.votes.map((v) => v.userId)).size,
          liked: rated.filter((v) => v === 1).length,
          disliked: rated.filter((v) => v === -1).length,
        };
      });
  }

  async due(platform: Platform, now: Date) {
    const all = [...this.nights.values()].map((s) => ({ ...s.night })).filter((n) => n.platform === platform);
    const t = now.getTime();
    return {
      toVote: platform === 'telegram' ? all.filter((n) => n.status === 'open' && n.startsAt.getTime() - POLL_LEAD_MS <= t) : [],
      toClose: all.filter((n) => LIVE_STATUSES.includes(n.status) && n.startsAt.getTime() <= t),
      toFinish: all.filter((n) => n.status === 'closed' && n.startsAt.getTime() + DEFAULT_NIGHT_MS <= t),
    };
  }

  async timeZone(communityId: number) {
    return this.zones.get(communityId) ?? null;
  }
  async setTimeZone(communityId: number, timeZone: string) {
    this.zones.set(communityId, timeZone);
  }

  /**
   * What forgetting a person removes, as the database's cascades do (wire it
   * to MemoryAccounts' onDelete): their answers, votes and losses, and their
   * id from who a shortlist was made for; a forgotten host becomes 0.
   */
  dropUser(userId: number): void {
    for (const s of this.nights.values()) {
      s.rsvps = s.rsvps.filter((r) => r.userId !== userId);
      s.votes = s.votes.filter((v) => v.userId !== userId);
      s.losses = s.losses.filter((l) => l.userId !== userId);
      for (const c of s.candidates) if (c.nominatedBy === userId) c.nominatedBy = null;
      s.night.shortlistFor = s.night.shortlistFor.filter((id) => id !== userId);
      s.night.favoured = s.night.favoured.filter((id) => id !== userId);
      if (s.night.hostUserId === userId) s.night.hostUserId = 0;
    }
  }

  /**
   * Two people made one: what `from` did on each night is `into`'s; where
   * both answered, the newer answer stays; where both lost, `into`'s loss.
   */
  mergeUser(from: number, into: number): void {
    for (const s of this.nights.values()) {
      const theirs = s.rsvps.find((r) => r.userId === from);
      const mine = s.rsvps.find((r) => r.userId === into);
      if (theirs && mine && theirs.at.getTime() > mine.at.getTime()) Object.assign(mine, { going: theirs.going, via: theirs.via, at: theirs.at });
      s.rsvps = s.rsvps.filter((r) => r.userId !== from || !mine).map((r) => (r.userId === from ? { ...r, userId: into } : r));
      const voted = new Set(s.votes.filter((v) => v.userId === into).map((v) => v.movieId));
      s.votes = s.votes.filter((v) => v.userId !== from || !voted.has(v.movieId)).map((v) => (v.userId === from ? { ...v, userId: into } : v));
      const lost = s.losses.some((l) => l.userId === into);
      s.losses = s.losses.filter((l) => l.userId !== from || !lost).map((l) => (l.userId === from ? { ...l, userId: into } : l));
      this.renameOnNight(s, from, into);
    }
  }

  /** An identity left: on its platform's nights, what the person did goes with it, unless the person still has an identity there. */
  splitUser(from: number, to: number, platform: Platform, fromKeepsPlatform: boolean): void {
    if (fromKeepsPlatform) return;
    for (const s of this.nights.values()) {
      if (s.night.platform !== platform) continue;
      s.rsvps = s.rsvps.map((r) => (r.userId === from ? { ...r, userId: to } : r));
      s.votes = s.votes.map((v) => (v.userId === from ? { ...v, userId: to } : v));
      s.losses = s.losses.map((l) => (l.userId === from ? { ...l, userId: to } : l));
      this.renameOnNight(s, from, to);
    }
  }

  private renameOnNight(s: Stored, from: number, to: number): void {
    for (const c of s.candidates) if (c.nominatedBy === from) c.nominatedBy = to;
    if (s.night.hostUserId === from) s.night.hostUserId = to;
    const rename = (ids: number[]) => [...new Set(ids.map((id) => (id === from ? to : id)))].sort((a, b) => a - b);
    s.night.shortlistFor = rename(s.night.shortlistFor);
    s.night.favoured = rename(s.night.favoured);
  }

  /** The community's nights with a winner, most recently closed first. */
  private closedNights(communityId: number): Stored[] {
    return [...this.nights.values()]
      .filter((s) => s.night.communityId === communityId && (s.night.status === 'closed' || s.night.status === 'done') && s.night.winnerMovieId !== null)
      .sort((a, b) => b.night.closedAt!.getTime() - a.night.closedAt!.getTime() || b.night.id - a.night.id);
  }

  /** The person's last "how was it?" on this night's film. */
  private ratingOf(night: MovieNight, userId: number): number {
    const events = (this.feedback?.events ?? []).filter(
      (e) => e.userId === userId && e.movieId === night.winnerMovieId && e.source === 'movienight' && e.communityId === night.communityId,
    );
    return events.at(-1)?.value ?? 0;
  }

  private patch(nightId: number, fields: Partial<MovieNight>): void {
    const s = this.nights.get(nightId);
    if (s) Object.assign(s.night, fields);
  }
}

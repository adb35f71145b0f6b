import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  LIVE_STATUSES,
  type Candidate,
  type MovieNight,
  type NewMovieNight,
  type NightLoss,
  type NightState,
  type NightStatus,
  type RsvpVia,
} from '../../../domain/movie-night/movie-night.ts';
import type { MovieNightStore } from '../../../domain/ports/movie-night.store.ts';
import type { Db } from '../database.types.ts';
import {
  movieNightCandidates,
  movieNightLosses,
  movieNightRsvps,
  movieNightSettings,
  movieNightVoteEvents,
  movieNightVotes,
  movieNights,
} from '../schema-movie-nights.ts';
import { MovieNightReads, toNight } from './movie-night-reads.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const isLive = (status: NightStatus | undefined) => status !== undefined && LIVE_STATUSES.includes(status);

/**
 * MovieNightStore on Postgres and PGlite. What a redelivered or concurrent
 * event could repeat is decided by the database: the partial unique index
 * (one live night per channel), the vote event keys, and conditional
 * updates. Writes that depend on the night's status lock its row first, so
 * a vote, a shortlist refresh and a close on one night take turns.
 */
export class MovieNightsRepository extends MovieNightReads implements MovieNightStore {
  constructor(db: Db) {
    super(db);
  }

  async open(night: NewMovieNight): Promise<{ night: MovieNight; created: boolean }> {
    // The live night can close between our conflict and our read: then the channel is free again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const [created] = await this.db
        .insert(movieNights)
        .values(night)
        .onConflictDoNothing({ target: [movieNights.communityId, movieNights.channelId], where: sql.raw(`status in ('open', 'voting')`) })
        .returning();
      if (created) return { night: toNight(created), created: true };
      const live = await this.latestIn(night.communityId, night.channelId, LIVE_STATUSES);
      if (live) return { night: live, created: false };
    }
    throw new Error(`could not open a movie night in channel ${night.channelId}`);
  }

  async setMessage(nightId: number, messageId: string): Promise<void> {
    await this.db.update(movieNights).set({ messageId }).where(eq(movieNights.id, nightId));
  }

  async setPoll(nightId: number, pollId: string, pollMessageId: string): Promise<void> {
    await this.db.update(movieNights).set({ pollId, pollMessageId }).where(eq(movieNights.id, nightId));
  }

  async setEvent(nightId: number, eventId: string): Promise<void> {
    await this.db.update(movieNights).set({ eventId }).where(eq(movieNights.id, nightId));
  }

  async setRsvp(nightId: number, userId: number, going: boolean, via: RsvpVia): Promise<boolean> {
    const changed = await this.db
      .insert(movieNightRsvps)
      .values({ nightId, userId, going, via })
      .onConflictDoUpdate({
        target: [movieNightRsvps.nightId, movieNightRsvps.userId],
        set: { going, via, at: sql`now()` },
        setWhere: sql`${movieNightRsvps.going} is distinct from excluded.going`,
      })
      .returning({ userId: movieNightRsvps.userId });
    return changed.length > 0;
  }

  /**
   * Nominations (`nominatedBy` set, not carried over) stay; the model picks
   * and carried-over nominees are replaced by `picks`. The list becomes the
   * picks in their order, then the nominations in theirs, numbered from 0; a
   * pick that is already a nomination stays a nomination.
   */
  async setShortlist(nightId: number, picks: readonly Candidate[], shortlistFor: readonly number[], favoured: readonly number[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if ((await lockNight(tx, nightId)) !== 'open') return false;
      const c = movieNightCandidates;
      await tx.delete(c).where(and(eq(c.nightId, nightId), sql`not (${c.nominatedBy} is not null and not ${c.carriedOver})`));
      const nominations = await tx.select({ movieId: c.movieId }).from(c).where(eq(c.nightId, nightId)).orderBy(asc(c.position), asc(c.movieId));
      const nominated = new Set(nominations.map((n) => n.movieId));
      const fresh = [...new Map(picks.filter((p) => !nominated.has(p.movieId)).map((p) => [p.movieId, p])).values()];
      for (const [n, { movieId }] of nominations.entries()) {
        await tx
          .update(c)
          .set({ position: fresh.length + n })
          .where(and(eq(c.nightId, nightId), eq(c.movieId, movieId)));
      }
      if (fresh.length > 0) {
        await tx.insert(c).values(
          fresh.map((p, n) => ({
            nightId,
            movieId: p.movieId,
            position: n,
            nominatedBy: p.nominatedBy,
            carriedOver: p.carriedOver,
            groupScore: p.groupScore,
          })),
        );
      }
      await tx
        .update(movieNights)
        .set({ shortlistFor: [...shortlistFor].sort((a, b) => a - b), favoured: [...favoured] })
        .where(eq(movieNights.id, nightId));
      return true;
    });
  }

  /** Only while the night is open or voting. */
  async addCandidate(nightId: number, candidate: Omit<Candidate, 'position'>): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // Two nominations at once would otherwise both take the next position.
      if (!isLive(await lockNight(tx, nightId))) return false;
      const [last] = await tx
        .select({ position: sql<number | null>`max(${movieNightCandidates.position})` })
        .from(movieNightCandidates)
        .where(eq(movieNightCandidates.nightId, nightId));
      const added = await tx
        .insert(movieNightCandidates)
        .values({ ...candidate, nightId, position: (last?.position ?? -1) + 1 })
        .onConflictDoNothing()
        .returning({ movieId: movieNightCandidates.movieId });
      return added.length > 0;
    });
  }

  /** Only while the night is live and the film is on its list; otherwise applied false and nothing changes. */
  /**
   * Hundreds of these arrive in seconds, each waiting for its answer: one
   * read (the night's row locked, its status, whether the film is listed and
   * the person's votes) and one write, besides the event key.
   */
  async toggleVote(nightId: number, userId: number, movieId: number, eventKey: string): Promise<{ applied: boolean; mine: number[] }> {
    return this.db.transaction(async (tx) => {
      // First: a redelivered click waits here for the first delivery's transaction, then finds its key.
      const fresh = await tx
        .insert(movieNightVoteEvents)
        .values({ nightId, eventKey })
        .onConflictDoNothing()
        .returning({ nightId: movieNightVoteEvents.nightId });
      const [row] = await tx
        .select({
          status: movieNights.status,
          listed: sql<boolean>`exists (select 1 from ${movieNightCandidates} where ${movieNightCandidates.nightId} = ${nightId} and ${movieNightCandidates.movieId} = ${movieId})`,
          mine: sql<
            number[]
          >`coalesce((select array_agg(${movieNightVotes.movieId} order by ${movieNightVotes.movieId}) from ${movieNightVotes} where ${movieNightVotes.nightId} = ${nightId} and ${movieNightVotes.userId} = ${userId}), '{}')`,
        })
        .from(movieNights)
        .where(eq(movieNights.id, nightId))
        .for('no key update');
      const mine = (row?.mine ?? []).map(Number);
      if (fresh.length === 0 || !row || !isLive(row.status) || !row.listed) return { applied: false, mine };
      const had = mine.includes(movieId);
      const vote = and(eq(movieNightVotes.nightId, nightId), eq(movieNightVotes.userId, userId), eq(movieNightVotes.movieId, movieId));
      if (had) await tx.delete(movieNightVotes).where(vote);
      else await tx.insert(movieNightVotes).values({ nightId, userId, movieId });
      if (row.status === 'open') await tx.update(movieNights).set({ status: 'voting' }).where(eq(movieNights.id, nightId));
      return { applied: true, mine: had ? mine.filter((id) => id !== movieId) : [...mine, movieId].sort((a, b) => a - b) };
    });
  }

  /** Only while the night is live; films off the list are left out. */
  async replaceVotes(nightId: number, userId: number, movieIds: readonly number[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (!isLive(await lockNight(tx, nightId))) return;
      await tx.delete(movieNightVotes).where(and(eq(movieNightVotes.nightId, nightId), eq(movieNightVotes.userId, userId)));
      if (movieIds.length === 0) return;
      const onList = await tx
        .select({ movieId: movieNightCandidates.movieId })
        .from(movieNightCandidates)
        .where(and(eq(movieNightCandidates.nightId, nightId), inArray(movieNightCandidates.movieId, [...movieIds])));
      if (onList.length > 0) await tx.insert(movieNightVotes).values(onList.map(({ movieId }) => ({ nightId, userId, movieId })));
    });
  }

  async transition(nightId: number, from: readonly NightStatus[], to: NightStatus, patch: { winnerMovieId?: number } = {}): Promise<boolean> {
    if (from.length === 0) return false;
    const moved = await this.db
      .update(movieNights)
      .set({
        status: to,
        ...(patch.winnerMovieId !== undefined ? { winnerMovieId: patch.winnerMovieId } : {}),
        ...(to === 'closed' ? { closedAt: sql`now()` } : {}),
        ...(to === 'done' ? { doneAt: sql`now()` } : {}),
      })
      .where(and(eq(movieNights.id, nightId), inArray(movieNights.status, [...from])))
      .returning({ id: movieNights.id });
    return moved.length > 0;
  }

  async recordLosses(nightId: number, losses: readonly NightLoss[]): Promise<void> {
    if (losses.length === 0) return;
    await this.db
      .insert(movieNightLosses)
      .values(losses.map(({ userId, loss }) => ({ nightId, userId, loss })))
      .onConflictDoUpdate({ target: [movieNightLosses.nightId, movieNightLosses.userId], set: { loss: sql`excluded.loss` } });
  }

  async setTimeZone(communityId: number, timeZone: string): Promise<void> {
    await this.db
      .insert(movieNightSettings)
      .values({ communityId, timeZone })
      .onConflictDoUpdate({ target: movieNightSettings.communityId, set: { timeZone } });
  }

  async state(nightId: number): Promise<NightState | null> {
    // One snapshot: the list, the votes and who is in agree with each other.
    return this.db.transaction((tx) => this.stateIn(tx, nightId), { isolationLevel: 'repeatable read', accessMode: 'read only' });
  }
}

/**
 * Locks the night's row for this transaction; its status, or undefined for an
 * unknown night. `no key update`: the key-share locks that inserting a row
 * referring to the night takes (a vote's event key) do not conflict with it,
 * so two voters never deadlock upgrading theirs.
 */
async function lockNight(tx: Tx, nightId: number): Promise<NightStatus | undefined> {
  const [row] = await tx.select({ status: movieNights.status }).from(movieNights).where(eq(movieNights.id, nightId)).for('no key update');
  return row?.status;
}

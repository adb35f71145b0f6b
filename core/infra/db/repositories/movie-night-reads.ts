import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  DEFAULT_NIGHT_MS,
  POLL_LEAD_MS,
  type MovieNight,
  type NightState,
  type NightStatus,
  type NightSummary,
} from '../../../domain/movie-night/movie-night.ts';
import type { Db } from '../database.types.ts';
import { feedbackEvents } from '../schema.ts';
import { movieNightCandidates, movieNightLosses, movieNightRsvps, movieNightSettings, movieNightVotes, movieNights } from '../schema-movie-nights.ts';

/** Nights whose winner is decided: what "watched", history and fairness look at. */
const DECIDED: NightStatus[] = ['closed', 'done'];
/** The order nights were decided in, newest first. */
const lastClosedFirst = [sql`${movieNights.closedAt} desc nulls last`, desc(movieNights.id)];

type Reader = Pick<Db, 'select'>;

/** The reads of MovieNightStore (movie-nights.repository.ts adds the writes). */
export class MovieNightReads {
  constructor(protected readonly db: Db) {}

  protected async stateIn(db: Reader, nightId: number): Promise<NightState | null> {
    const [row] = await db.select().from(movieNights).where(eq(movieNights.id, nightId));
    if (!row) return null;
    const rsvps = await db
      .select({ userId: movieNightRsvps.userId, going: movieNightRsvps.going, via: movieNightRsvps.via, at: movieNightRsvps.at })
      .from(movieNightRsvps)
      .where(eq(movieNightRsvps.nightId, nightId))
      .orderBy(asc(movieNightRsvps.at), asc(movieNightRsvps.userId));
    const candidates = await db
      .select({
        movieId: movieNightCandidates.movieId,
        position: movieNightCandidates.position,
        nominatedBy: movieNightCandidates.nominatedBy,
        carriedOver: movieNightCandidates.carriedOver,
        groupScore: movieNightCandidates.groupScore,
      })
      .from(movieNightCandidates)
      .where(eq(movieNightCandidates.nightId, nightId))
      .orderBy(asc(movieNightCandidates.position), asc(movieNightCandidates.movieId));
    const votes = await db
      .select({ userId: movieNightVotes.userId, movieId: movieNightVotes.movieId })
      .from(movieNightVotes)
      .where(eq(movieNightVotes.nightId, nightId))
      .orderBy(asc(movieNightVotes.at), asc(movieNightVotes.userId), asc(movieNightVotes.movieId));
    return { night: toNight(row), rsvps, candidates, votes };
  }

  async latestIn(communityId: number, channelId: string, statuses: readonly NightStatus[]): Promise<MovieNight | null> {
    if (statuses.length === 0) return null;
    const [row] = await this.db
      .select()
      .from(movieNights)
      .where(and(eq(movieNights.communityId, communityId), eq(movieNights.channelId, channelId), inArray(movieNights.status, [...statuses])))
      .orderBy(desc(movieNights.createdAt), desc(movieNights.id))
      .limit(1);
    return row ? toNight(row) : null;
  }

  async findByPoll(pollId: string): Promise<MovieNight | null> {
    const [row] = await this.db.select().from(movieNights).where(eq(movieNights.pollId, pollId));
    return row ? toNight(row) : null;
  }

  async night(nightId: number): Promise<MovieNight | null> {
    const [row] = await this.db.select().from(movieNights).where(eq(movieNights.id, nightId));
    return row ? toNight(row) : null;
  }

  async findByEvent(eventId: string): Promise<MovieNight | null> {
    const [row] = await this.db.select().from(movieNights).where(eq(movieNights.eventId, eventId));
    return row ? toNight(row) : null;
  }

  async recentLosses(communityId: number, userIds: readonly number[], nights: number): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0 || nights <= 0) return out;
    const ranked = this.db
      .select({
        userId: movieNightLosses.userId,
        loss: movieNightLosses.loss,
        n: sql<number>`row_number() over (partition by ${movieNightLosses.userId} order by ${sql.join(lastClosedFirst, sql`, `)})`.as('n'),
      })
      .from(movieNightLosses)
      .innerJoin(movieNights, eq(movieNights.id, movieNightLosses.nightId))
      .where(and(eq(movieNights.communityId, communityId), inArray(movieNights.status, DECIDED), inArray(movieNightLosses.userId, [...userIds])))
      .as('ranked');
    const rows = await this.db
      .select({ userId: ranked.userId, loss: ranked.loss })
      .from(ranked)
      .where(sql`${ranked.n} <= ${nights}`)
      .orderBy(asc(ranked.userId), asc(ranked.n));
    for (const r of rows) out.get(r.userId)?.push(r.loss);
    return out;
  }

  async watched(communityId: number): Promise<number[]> {
    const rows = await this.db
      .selectDistinct({ movieId: movieNights.winnerMovieId })
      .from(movieNights)
      .where(and(eq(movieNights.communityId, communityId), inArray(movieNights.status, DECIDED), sql`${movieNights.winnerMovieId} is not null`));
    return rows.map((r) => r.movieId!).sort((a, b) => a - b);
  }

  /**
   * Nominations (not themselves carried over) of the community's most
   * recently closed night that did not win, in list order. They stay the
   * answer while the next night is live: its shortlist is remade with them.
   */
  async losingNominees(communityId: number): Promise<{ movieId: number; nominatedBy: number | null }[]> {
    const [last] = await this.db
      .select({ id: movieNights.id, winner: movieNights.winnerMovieId })
      .from(movieNights)
      .where(and(eq(movieNights.communityId, communityId), inArray(movieNights.status, DECIDED)))
      .orderBy(...lastClosedFirst)
      .limit(1);
    if (!last) return [];
    const c = movieNightCandidates;
    return this.db
      .select({ movieId: c.movieId, nominatedBy: c.nominatedBy })
      .from(c)
      .where(and(eq(c.nightId, last.id), sql`${c.nominatedBy} is not null and not ${c.carriedOver}`, sql`${c.movieId} is distinct from ${last.winner}`))
      .orderBy(asc(c.position), asc(c.movieId));
  }

  /**
   * Attendees are the people in; votes, how many people voted; 👍/👎 are
   * each attendee's latest "how was it?" answer (feedback from source
   * `movienight` on the winner in the community since the night was made; a
   * retraction counts as neither).
   */
  async history(communityId: number, limit: number): Promise<NightSummary[]> {
    if (limit <= 0) return [];
    const n = movieNights;
    const rows = await this.db
      .select({
        nightId: n.id,
        startsAt: n.startsAt,
        timeZone: n.timeZone,
        winnerMovieId: sql<number>`${n.winnerMovieId}`,
        attendees: sql<number>`(select count(*) from ${movieNightRsvps} r where r.night_id = ${n.id} and r.going)::int`,
        votes: sql<number>`(select count(distinct v.user_id) from ${movieNightVotes} v where v.night_id = ${n.id})::int`,
        liked: sql<number>`(select count(*) from ${answers(n)} a where a.value = 1)::int`,
        disliked: sql<number>`(select count(*) from ${answers(n)} a where a.value = -1)::int`,
      })
      .from(n)
      .where(and(eq(n.communityId, communityId), inArray(n.status, DECIDED), sql`${n.winnerMovieId} is not null`))
      .orderBy(desc(n.startsAt), desc(n.id))
      .limit(limit);
    return rows;
  }

  async due(platform: MovieNight['platform'], now: Date): Promise<{ toVote: MovieNight[]; toClose: MovieNight[]; toFinish: MovieNight[] }> {
    const at = (ms: number) => new Date(now.getTime() + ms);
    const of = (status: NightStatus[], startsBy: Date) =>
      this.db
        .select()
        .from(movieNights)
        .where(and(eq(movieNights.platform, platform), inArray(movieNights.status, status), sql`${movieNights.startsAt} <= ${startsBy.toISOString()}`))
        .orderBy(asc(movieNights.startsAt), asc(movieNights.id));
    const toVote = platform === 'telegram' ? await of(['open'], at(POLL_LEAD_MS)) : [];
    const toClose = await of(['open', 'voting'], now);
    const toFinish = await of(['closed'], at(-DEFAULT_NIGHT_MS));
    return { toVote: toVote.map(toNight), toClose: toClose.map(toNight), toFinish: toFinish.map(toNight) };
  }

  async timeZone(communityId: number): Promise<string | null> {
    const [row] = await this.db
      .select({ timeZone: movieNightSettings.timeZone })
      .from(movieNightSettings)
      .where(eq(movieNightSettings.communityId, communityId));
    return row?.timeZone ?? null;
  }
}

/** Each attendee's latest movienight answer on the night's winner. */
function answers(n: typeof movieNights) {
  const f = feedbackEvents;
  return sql`(
    select distinct on (${f.userId}) ${f.value} as value from ${f}
    join ${movieNightRsvps} r on r.night_id = ${n.id} and r.user_id = ${f.userId} and r.going
    where ${f.movieId} = ${n.winnerMovieId} and ${f.source} = 'movienight' and ${f.communityId} = ${n.communityId} and ${f.createdAt} >= ${n.createdAt}
    order by ${f.userId}, ${f.createdAt} desc, ${f.id} desc)`;
}

export function toNight(row: typeof movieNights.$inferSelect): MovieNight {
  return {
    ...row,
    // 0 (no user has it): the host has been forgotten.
    hostUserId: row.hostUserId ?? 0,
  };
}

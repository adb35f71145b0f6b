import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { MAX_CANDIDATES, MIN_CANDIDATES, NIGHT_STATUSES } from '../../domain/movie-night/movie-night.ts';
import { communities, movies, platformEnum, users } from './schema.ts';

/**
 * Movie nights (core/domain/movie-night): the tables behind MovieNightStore.
 * Part of the schema drizzle-kit generates migrations from (./schemas.ts).
 * Every row a person left here goes with them when they are forgotten.
 */

export const movieNightStatusEnum = pgEnum('movie_night_status', NIGHT_STATUSES);
export const rsvpViaEnum = pgEnum('movie_night_rsvp_via', ['button', 'event', 'command']);

export const movieNights = pgTable(
  'movie_nights',
  {
    id: serial('id').primaryKey(),
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    platform: platformEnum('platform').notNull(),
    channelId: text('channel_id').notNull(),
    /** Null once the host has been forgotten: the night stays for everyone else. */
    hostUserId: integer('host_user_id').references(() => users.id, { onDelete: 'set null' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    voiceChannelId: text('voice_channel_id'),
    location: text('location'),
    candidateCount: smallint('candidate_count').notNull(),
    status: movieNightStatusEnum('status').notNull().default('open'),
    messageId: text('message_id'),
    pollId: text('poll_id'),
    pollMessageId: text('poll_message_id'),
    eventId: text('event_id'),
    winnerMovieId: integer('winner_movie_id').references(() => movies.id),
    shortlistFor: integer('shortlist_for')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    favoured: integer('favoured')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    // One live night per channel: a second start conflicts here and gets the live one.
    uniqueIndex('movie_nights_live_channel_uq')
      .on(t.communityId, t.channelId)
      .where(sql`${t.status} in ('open', 'voting')`),
    uniqueIndex('movie_nights_poll_uq').on(t.pollId),
    uniqueIndex('movie_nights_event_uq').on(t.eventId),
    index('movie_nights_community_idx').on(t.communityId, t.startsAt),
    index('movie_nights_due_idx').on(t.platform, t.status, t.startsAt),
    index('movie_nights_host_idx').on(t.hostUserId),
    check('movie_nights_candidates_ck', sql`${t.candidateCount} between ${sql.raw(String(MIN_CANDIDATES))} and ${sql.raw(String(MAX_CANDIDATES))}`),
  ],
);

const night = () =>
  integer('night_id')
    .notNull()
    .references(() => movieNights.id, { onDelete: 'cascade' });
const person = () =>
  integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const movieNightRsvps = pgTable(
  'movie_night_rsvps',
  {
    nightId: night(),
    userId: person(),
    going: boolean('going').notNull(),
    via: rsvpViaEnum('via').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.nightId, t.userId] }), index('movie_night_rsvps_user_idx').on(t.userId)],
);

export const movieNightCandidates = pgTable(
  'movie_night_candidates',
  {
    nightId: night(),
    movieId: integer('movie_id')
      .notNull()
      .references(() => movies.id),
    position: smallint('position').notNull(),
    nominatedBy: integer('nominated_by').references(() => users.id, { onDelete: 'set null' }),
    carriedOver: boolean('carried_over').notNull().default(false),
    groupScore: real('group_score').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.nightId, t.movieId] }), index('movie_night_candidates_nominated_idx').on(t.nominatedBy)],
);

/** Approval votes: one row per person and candidate; a vote for a film off the list cannot exist. */
export const movieNightVotes = pgTable(
  'movie_night_votes',
  {
    nightId: integer('night_id').notNull(),
    userId: person(),
    movieId: integer('movie_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.nightId, t.userId, t.movieId] }),
    foreignKey({ columns: [t.nightId, t.movieId], foreignColumns: [movieNightCandidates.nightId, movieNightCandidates.movieId] }).onDelete('cascade'),
    index('movie_night_votes_user_idx').on(t.userId),
  ],
);

/** The interaction ids of vote clicks already applied: a redelivered click is stored once. */
export const movieNightVoteEvents = pgTable(
  'movie_night_vote_events',
  {
    nightId: night(),
    eventKey: text('event_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.nightId, t.eventKey] })],
);

/** How far each attendee was from the winner at a closed night (fairness next time). */
export const movieNightLosses = pgTable(
  'movie_night_losses',
  {
    nightId: night(),
    userId: person(),
    loss: real('loss').notNull(),
  },
  (t) => [primaryKey({ columns: [t.nightId, t.userId] }), index('movie_night_losses_user_idx').on(t.userId)],
);

export const movieNightSettings = pgTable('movie_night_settings', {
  communityId: integer('community_id')
    .primaryKey()
    .references(() => communities.id, { onDelete: 'cascade' }),
  timeZone: text('time_zone').notNull(),
});

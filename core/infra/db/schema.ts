import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
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

/**
 * The database schema, with ./schema-movie-nights.ts and ./schema-seen.ts (./schemas.ts has them all).
 * Migrations in `migrations/` are generated from them by `npm run db:generate`
 * (drizzle-kit) and never edited by hand.
 */

export const platformEnum = pgEnum('platform', ['discord', 'telegram', 'console']);
export const feedbackSourceEnum = pgEnum('feedback_source', ['button', 'reaction', 'inline', 'command', 'movienight', 'import']);
export const modelStatusEnum = pgEnum('model_status', ['candidate', 'active', 'retired', 'rejected']);

// ---- MovieLens catalog (imported) ----

export const movies = pgTable(
  'movies',
  {
    /** The MovieLens movieId, stable across MovieLens releases. */
    id: integer('id').primaryKey(),
    /** As MovieLens spells it, without the year: "Matrix, The". */
    title: text('title').notNull(),
    year: smallint('year'),
    genres: text('genres')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    imdbId: integer('imdb_id'),
    tmdbId: integer('tmdb_id'),
  },
  (t) => [index('movies_year_idx').on(t.year)],
);

/** MovieLens ratings: the collaborative signal the model starts from. */
export const ratings = pgTable(
  'ratings',
  {
    mlUserId: integer('ml_user_id').notNull(),
    movieId: integer('movie_id').notNull(),
    rating: real('rating').notNull(),
    ratedAt: bigint('rated_at', { mode: 'number' }).notNull(),
  },
  // No primary key: a 25M-row COPY is several times faster without one, the
  // table is replaced wholesale on import, and nothing looks rows up singly.
);

export const tags = pgTable(
  'tags',
  {
    mlUserId: integer('ml_user_id').notNull(),
    movieId: integer('movie_id').notNull(),
    tag: text('tag').notNull(),
    taggedAt: bigint('tagged_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('tags_movie_idx').on(t.movieId)],
);

/** One row per successful `data import`, newest last. */
export const datasetImports = pgTable('dataset_imports', {
  id: serial('id').primaryKey(),
  source: text('source').notNull(),
  layout: text('layout').notNull(),
  /** Movie ids of ml-100k differ from every other release: never mixed. */
  idSpace: text('id_space').notNull(),
  fingerprint: text('fingerprint').notNull(),
  counts: jsonb('counts').$type<Record<string, number>>().notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

// ---- People and communities ----

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  displayName: text('display_name'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A Discord or Telegram identity; several may point at one user. */
export const platformAccounts = pgTable(
  'platform_accounts',
  {
    platform: platformEnum('platform').notNull(),
    platformUserId: text('platform_user_id').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    username: text('username'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.platformUserId] }), index('platform_accounts_user_idx').on(t.userId)],
);

/** A Discord guild or a Telegram group. */
export const communities = pgTable(
  'communities',
  {
    id: serial('id').primaryKey(),
    platform: platformEnum('platform').notNull(),
    platformCommunityId: text('platform_community_id').notNull(),
    name: text('name'),
    /** Unguessable slug of the public trends page (nanoid). */
    trendsSlug: text('trends_slug').notNull(),
    trendsEnabled: boolean('trends_enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('communities_platform_id_uq').on(t.platform, t.platformCommunityId), uniqueIndex('communities_trends_slug_uq').on(t.trendsSlug)],
);

export const memberships = pgTable(
  'memberships',
  {
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

// ---- Taste ----

export const favorites = pgTable(
  'favorites',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    movieId: integer('movie_id')
      .notNull()
      .references(() => movies.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.movieId] }), index('favorites_movie_idx').on(t.movieId)],
);

/** The current 👍 (1) / 👎 (-1) of a user for a movie: one row per pair. */
export const feedback = pgTable(
  'feedback',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    movieId: integer('movie_id')
      .notNull()
      .references(() => movies.id),
    value: smallint('value').notNull(),
    source: feedbackSourceEnum('source').notNull(),
    communityId: integer('community_id').references(() => communities.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.movieId] }),
    index('feedback_movie_idx').on(t.movieId),
    index('feedback_community_idx').on(t.communityId),
    check('feedback_value_ck', sql`${t.value} in (-1, 1)`),
  ],
);

/**
 * Every feedback event, including retractions (value 0). `eventKey` carries
 * the platform's id of the click/reaction so a redelivered update is stored once.
 */
export const feedbackEvents = pgTable(
  'feedback_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    movieId: integer('movie_id')
      .notNull()
      .references(() => movies.id),
    value: smallint('value').notNull(),
    source: feedbackSourceEnum('source').notNull(),
    communityId: integer('community_id').references(() => communities.id, { onDelete: 'set null' }),
    eventKey: text('event_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('feedback_events_key_uq').on(t.eventKey),
    index('feedback_events_user_idx').on(t.userId, t.createdAt),
    check('feedback_events_value_ck', sql`${t.value} in (-1, 0, 1)`),
  ],
);

/** A user's public list link. Revoking keeps the row so the slug is never reissued. */
export const sharedLists = pgTable(
  'shared_lists',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('shared_lists_slug_uq').on(t.slug),
    // At most one live link per user.
    uniqueIndex('shared_lists_live_user_uq')
      .on(t.userId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

// ---- Models ----

export const modelVersions = pgTable(
  'model_versions',
  {
    id: serial('id').primaryKey(),
    version: text('version').notNull(),
    status: modelStatusEnum('status').notNull().default('candidate'),
    /** Where the artifact directory lives (relative to DATA_DIR when not absolute). */
    path: text('path').notNull(),
    datasetFingerprint: text('dataset_fingerprint').notNull(),
    backend: text('backend').notNull(),
    metrics: jsonb('metrics').$type<Record<string, number>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('model_versions_version_uq').on(t.version),
    uniqueIndex('model_versions_one_active_uq')
      .on(t.status)
      .where(sql`${t.status} = 'active'`),
  ],
);

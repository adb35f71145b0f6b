import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgSequence, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { TMDB_MOVIE_ID_BASE } from '../../domain/movie-details/catalog-ids.ts';
import { movies } from './schema.ts';

/**
 * What Moviebot keeps from TMDB (the optional online source): the films the
 * catalog sync added, and per film its details and where it streams, each
 * with the time it was fetched so nothing outlives TMDB's six-month cache
 * limit. Part of the schema drizzle-kit generates migrations from
 * (./schemas.ts). Training never reads these tables (DatabaseTrainingSource).
 */

/** Ids of films added from TMDB: a range MovieLens never uses (catalog-ids.ts). */
export const tmdbMovieIds = pgSequence('tmdb_movie_ids', { startWith: TMDB_MOVIE_ID_BASE, minValue: TMDB_MOVIE_ID_BASE, maxValue: 2_147_483_647 });

/** The films of `movies` that the catalog sync added from TMDB (not from MovieLens). */
export const tmdbMovies = pgTable(
  'tmdb_movies',
  {
    movieId: integer('movie_id')
      .primaryKey()
      .references(() => movies.id, { onDelete: 'cascade' }),
    tmdbId: integer('tmdb_id').notNull(),
    /** Which list it was found in: `recent` (discover by release date) or `trending`. */
    foundIn: text('found_in').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    /** When its catalog row was last written from TMDB: every process reloads the added films when this moves. */
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tmdb_movies_tmdb_uq').on(t.tmdbId), check('tmdb_movies_id_ck', sql`${t.movieId} >= ${sql.raw(String(TMDB_MOVIE_ID_BASE))}`)],
);

/** A film's details from TMDB, one row per film that was fetched or shown. */
export const movieDetails = pgTable(
  'movie_details',
  {
    movieId: integer('movie_id')
      .primaryKey()
      .references(() => movies.id, { onDelete: 'cascade' }),
    tmdbId: integer('tmdb_id').notNull(),
    /** False: TMDB answered 404 for the id (the film is asked about again at the monthly refresh). */
    found: boolean('found').notNull().default(true),
    overview: text('overview'),
    runtime: smallint('runtime'),
    releaseDate: date('release_date', { mode: 'string' }),
    posterPath: text('poster_path'),
    /** YouTube key of the official trailer. */
    trailerKey: text('trailer_key'),
    /** When the data above was fetched; the six-month limit counts from here. Null: never fetched. */
    fetchedAt: timestamp('fetched_at', { withTimezone: true }),
    /** When TMDB was last asked about the film, whatever it answered (a malformed record is not asked again at once). */
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    /** When a card last showed the film: shown films get their providers refreshed daily. */
    shownAt: timestamp('shown_at', { withTimezone: true }),
  },
  (t) => [index('movie_details_fetched_idx').on(t.fetchedAt), index('movie_details_shown_idx').on(t.shownAt)],
);

/** Where a film can be watched in one region (TMDB's watch providers, data from JustWatch): provider names, best first. */
export const movieProviders = pgTable(
  'movie_providers',
  {
    movieId: integer('movie_id')
      .notNull()
      .references(() => movieDetails.movieId, { onDelete: 'cascade' }),
    /** ISO 3166-1 alpha-2. */
    region: text('region').notNull(),
    flatrate: text('flatrate')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    free: text('free')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ads: text('ads')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    rent: text('rent')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    buy: text('buy')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** TMDB's page of the region's offers (it links on to JustWatch). */
    link: text('link'),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.movieId, t.region] }),
    index('movie_providers_fetched_idx').on(t.fetchedAt),
    check('movie_providers_region_ck', sql`${t.region} ~ '^[A-Z]{2}$'`),
  ],
);

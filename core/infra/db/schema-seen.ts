import { index, integer, pgEnum, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { movies, users } from './schema.ts';

/**
 * Seen and watchlist: films a person has watched (never recommended to them
 * again) and films they mean to watch ("later"). Part of the schema
 * drizzle-kit generates migrations from (./schemas.ts). Both go with the
 * person when they are forgotten.
 */

export const seenSourceEnum = pgEnum('seen_source', ['button', 'command', 'import']);

export const seen = pgTable(
  'seen',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    movieId: integer('movie_id')
      .notNull()
      .references(() => movies.id),
    /** When the person watched it, as far as known: the export's date for an import, else when it was marked. */
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    source: seenSourceEnum('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.movieId] }), index('seen_movie_idx').on(t.movieId)],
);

export const watchlist = pgTable(
  'watchlist',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    movieId: integer('movie_id')
      .notNull()
      .references(() => movies.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.movieId] }), index('watchlist_movie_idx').on(t.movieId)],
);

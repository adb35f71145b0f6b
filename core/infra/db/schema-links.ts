import { bigserial, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { platformEnum, users } from './schema.ts';

/**
 * Linked accounts (core/domain/use-cases/link): the one-time codes that make
 * two identities one person, and the failed tries that limit guessing them.
 * Part of the schema drizzle-kit generates migrations from (./schemas.ts).
 * Both go with the person when they are forgotten.
 */

/** A one-time link code. Only its SHA-256 is kept: the code itself is shown once, to the person who asked. */
export const linkCodes = pgTable(
  'link_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    /** Whose code it is: the redeemer's account joins this user. */
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The identity it was made on (typing it there is "your own code", not a guess). */
    platform: platformEnum('platform').notNull(),
    platformUserId: text('platform_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set once, by the redemption that linked the accounts; a used code is kept (a day) to say so. */
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('link_codes_user_idx').on(t.userId), index('link_codes_expires_idx').on(t.expiresAt)],
);

/** A failed redemption (wrong, expired or used code), per person: the hourly limit counts these. */
export const linkAttempts = pgTable(
  'link_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('link_attempts_user_idx').on(t.userId, t.at)],
);

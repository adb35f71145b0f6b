import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schemas.ts';
import type { SqlRunner } from './sql-runner.ts';

/** Drizzle handle typed on what node-postgres and PGlite have in common. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Advisory lock keys, one per thing only one process may do at a time (any fixed 32-bit numbers). */
export const DATABASE_LOCKS = {
  migrate: 727274,
  /** Training the first model of an empty registry. */
  firstModel: 0x6d6f7631,
} as const;
export type DatabaseLock = keyof typeof DATABASE_LOCKS;

/** An open database: drizzle for repositories, raw SQL for bulk work. */
export interface Database {
  kind: 'postgres' | 'pglite';
  /** For logs and the start banner; never contains a password. */
  description: string;
  db: Db;
  sql: SqlRunner;
  ping(): Promise<void>;
  /**
   * Runs `fn` while holding the named lock, one holder at a time across every
   * process on this database (Postgres: a session advisory lock on a
   * connection of its own, released when `fn` ends or that connection dies;
   * PGlite, one process: in-process). Waits for the lock as long as it takes.
   */
  exclusively<T>(lock: DatabaseLock, fn: () => Promise<T>): Promise<T>;
  /** Applies the committed migrations in `migrations/`. */
  migrate(migrationsFolder: string): Promise<void>;
  close(): Promise<void>;
}

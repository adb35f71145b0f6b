import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.ts';
import type { SqlRunner } from './sql-runner.ts';

/** Drizzle handle typed on what node-postgres and PGlite have in common. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database: drizzle for repositories, raw SQL for bulk work. */
export interface Database {
  kind: 'postgres' | 'pglite';
  /** For logs and the start banner; never contains a password. */
  description: string;
  db: Db;
  sql: SqlRunner;
  ping(): Promise<void>;
  /** Applies the committed migrations in `migrations/`. */
  migrate(migrationsFolder: string): Promise<void>;
  close(): Promise<void>;
}

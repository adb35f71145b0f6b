import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { migrateDatabase, openDatabase, type Database } from '../../core/wiring.ts';

/** The server the Postgres suites create their throwaway databases on. */
export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const silentLogger = pino({ level: 'silent' });

export interface TestDatabase {
  database: Database;
  /** The Postgres URL of the throwaway database (undefined for PGlite). */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A fresh, migrated, in-memory PGlite. */
export async function freshPglite(): Promise<TestDatabase> {
  const database = await openDatabase({ databaseUrl: undefined, pgliteDir: undefined, logger: silentLogger });
  await migrateDatabase(database);
  return { database, url: undefined, drop: () => database.close() };
}

/** Creates an empty Postgres database named for this run, so parallel suites never share state. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `moviebot_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_DATABASE_URL, connectionTimeoutMillis: 5000 });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A fresh, migrated Postgres database of its own. */
export async function freshPostgres(): Promise<TestDatabase> {
  const created = await createPostgresDatabase();
  const database = await openDatabase({ databaseUrl: created.url, pgliteDir: undefined, logger: silentLogger });
  await migrateDatabase(database);
  return {
    database,
    url: created.url,
    async drop() {
      await database.close();
      await created.drop();
    },
  };
}

/** The two storage backends every storage suite runs against. */
export const BACKENDS = [
  { name: 'PGlite', open: freshPglite },
  { name: 'Postgres', open: freshPostgres },
] as const;

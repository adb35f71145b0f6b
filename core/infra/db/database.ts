import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Logger } from '../../logger.ts';
import type { Database } from './database.types.ts';

export type { Database, Db } from './database.types.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface OpenDatabaseOptions {
  /** Postgres URL; when absent the embedded PGlite is used. */
  databaseUrl: string | undefined;
  /** Where PGlite keeps its files; `undefined` with no URL means in memory. */
  pgliteDir: string | undefined;
  logger: Logger;
}

/** Opens Postgres when a URL is configured, else embedded PGlite. */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(opts.databaseUrl, opts.logger);
  }
  const { openPglite } = await import('./pglite.ts');
  return openPglite(opts.pgliteDir);
}

/** Runs the migrations, defaulting to the committed folder. */
export async function migrateDatabase(database: Database): Promise<void> {
  await database.migrate(MIGRATIONS_DIR);
}

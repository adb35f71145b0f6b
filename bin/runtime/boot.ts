import path from 'node:path';
import { createLogger, loadConfig, type Config, type Logger } from '../../core/index.ts';
import { migrateDatabase, openDatabase, type Database } from '../../core/wiring.ts';

export interface Booted {
  config: Config;
  logger: Logger;
}

/** Reads and validates the configuration once; a bad value stops here with its name. */
export function boot(role: string): Booted {
  const config = loadConfig();
  return { config, logger: createLogger(config.logLevel, { role }) };
}

/** Postgres when DATABASE_URL is set, else embedded PGlite under DATA_DIR. */
export async function openStorage({ config, logger }: Booted, opts: { migrate: boolean }): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
    logger,
  });
  try {
    if (opts.migrate) await migrateDatabase(database);
    else await database.ping();
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
  return database;
}

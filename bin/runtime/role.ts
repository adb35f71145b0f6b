import type { Database } from '../../core/wiring.ts';
import { boot, openStorage, type Booted } from './boot.ts';
import { Shutdown } from './shutdown.ts';

export interface RoleContext extends Booted {
  shutdown: Shutdown;
  database: Database;
}

/**
 * What every long-running role (start, web, bot, worker, chat) does first: validate
 * config, install bounded shutdown on SIGINT/SIGTERM, open storage.
 */
export async function startRole(role: string, opts: { migrate: boolean }): Promise<RoleContext> {
  const booted = boot(role);
  const shutdown = new Shutdown(booted.logger);
  shutdown.installSignalHandlers();
  const database = await openStorage(booted, opts);
  shutdown.add('database', () => database.close());
  return { ...booted, shutdown, database };
}

import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { acquirePgliteLock } from './pglite-lock.ts';
import * as schema from './schemas.ts';
import type { SqlRunner, SqlTx } from './sql-runner.ts';
import type { Database, DatabaseLock, Db } from './database.types.ts';

/** PGlite has no COPY FROM STDIN; it reads a Blob instead. Rows are sent in slices of this size. */
const COPY_SLICE_BYTES = 1 * 1024 * 1024;

/** Opens embedded PostgreSQL (PGlite) persisted in `dir`, or in memory when `dir` is undefined. */
export async function openPglite(dir: string | undefined): Promise<Database> {
  let unlock = () => {};
  if (dir) {
    await fs.mkdir(path.dirname(dir), { recursive: true });
    unlock = acquirePgliteLock(dir);
  }
  const client = new PGlite(dir);
  try {
    await client.waitReady;
  } catch (err) {
    unlock();
    throw err;
  }
  const db = drizzle({ client, schema }) as unknown as Db;

  const runner: SqlRunner = {
    async query(text, params) {
      return (await client.query(text, params)).rows as never[];
    },
    async transaction(fn) {
      return client.transaction(async (t) => {
        const tx: SqlTx = {
          async query(text, params) {
            return (await t.query(text, params)).rows as never[];
          },
          async copyFrom(table, columns, chunks) {
            const copySql = `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`;
            let parts: string[] = [];
            let size = 0;
            const flush = async () => {
              if (size === 0) return;
              await t.query(copySql, [], { blob: new Blob(parts) });
              parts = [];
              size = 0;
            };
            for await (const chunk of chunks) {
              parts.push(chunk);
              size += chunk.length;
              if (size >= COPY_SLICE_BYTES) await flush();
            }
            await flush();
          },
        };
        return fn(tx);
      });
    },
  };

  // One process has the database (pglite-lock.ts): a lock is a queue of this process's holders.
  const held = new Map<DatabaseLock, Promise<unknown>>();
  async function exclusively<T>(lock: DatabaseLock, fn: () => Promise<T>): Promise<T> {
    const turn = (held.get(lock) ?? Promise.resolve()).then(fn);
    held.set(
      lock,
      turn.catch(() => undefined),
    );
    return turn;
  }

  return {
    kind: 'pglite',
    exclusively,
    description: dir ? `embedded PGlite in ${dir}` : 'embedded PGlite in memory',
    db,
    sql: runner,
    async ping() {
      await client.query('select 1');
    },
    async migrate(migrationsFolder) {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(drizzle({ client }), { migrationsFolder });
    },
    async close() {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

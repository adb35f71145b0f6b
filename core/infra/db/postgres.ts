import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Logger } from '../../logger.ts';
import * as schema from './schema.ts';
import type { SqlRunner, SqlTx } from './sql-runner.ts';
import { DATABASE_LOCKS, type Database, type DatabaseLock, type Db } from './database.types.ts';

/** How often a process waiting for a database lock asks again (no blocking call: it would hit the statement timeout). */
const LOCK_POLL_MS = 200;

/** Pool limits: node-postgres waits forever by default, which hangs a process when Postgres is down. */
const POOL_OPTIONS = {
  max: 10,
  connectionTimeoutMillis: 5_000,
  idleTimeoutMillis: 30_000,
  statement_timeout: 30_000,
  idle_in_transaction_session_timeout: 60_000,
  application_name: 'moviebot',
} as const;

export function openPostgres(url: string, logger: Logger): Database {
  const pool = new pg.Pool({ connectionString: url, ...POOL_OPTIONS });
  // An idle client losing its connection emits here; unhandled, it would crash the process.
  pool.on('error', (err) => logger.error({ err }, 'postgres idle client error'));
  const db = drizzle({ client: pool, schema }) as unknown as Db;

  const runner: SqlRunner = {
    async query(text, params) {
      const res = await pool.query(text, params as unknown[]);
      return res.rows;
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: SqlTx = {
          async query(text, params) {
            return (await client.query(text, params as unknown[])).rows;
          },
          async copyFrom(table, columns, chunks) {
            const sink = client.query(copyFromStdin(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
            await pipeline(Readable.from(chunks), sink);
          },
        };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
  };

  /**
   * A session lock lives on one connection: it is taken and released on a
   * client of its own, held out of the pool meanwhile. If the process dies,
   * its connection closes and Postgres releases the lock for the next waiter.
   */
  async function exclusively<T>(lock: DatabaseLock, fn: () => Promise<T>): Promise<T> {
    const key = DATABASE_LOCKS[lock];
    const client = await pool.connect();
    let broken = false;
    // Checked out, the pool's idle-error handler does not cover it: a dropped connection must not crash the process.
    const onError = (err: Error) => {
      broken = true;
      logger.warn({ err, lock }, 'lost the connection holding a database lock');
    };
    client.on('error', onError);
    try {
      // A holder whose host vanishes without closing its socket is noticed by the server within about a minute, not hours.
      await client.query(`select set_config('tcp_keepalives_idle', '30', false), set_config('tcp_keepalives_interval', '10', false), set_config('tcp_keepalives_count', '3', false)`);
      for (;;) {
        const [row] = (await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [key])).rows;
        if (row?.locked) break;
        await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
      }
      return await fn();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [key]).catch(() => (broken = true));
      client.off('error', onError);
      // A connection in doubt is closed rather than pooled: closing it releases whatever it still holds.
      client.release(broken || undefined);
    }
  }

  const parsed = new URL(url);
  return {
    kind: 'postgres',
    description: `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    db,
    sql: runner,
    async ping() {
      await pool.query('select 1');
    },
    exclusively,
    async migrate(migrationsFolder) {
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      // Several processes (docker compose's migrate job, every `start`) may migrate at once: they take turns.
      await exclusively('migrate', () => migrate(drizzle({ client: pool }), { migrationsFolder }));
    },
    async close() {
      await pool.end();
    },
  };
}

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Logger } from '../../logger.ts';
import * as schema from './schemas.ts';
import type { SqlRunner, SqlTx } from './sql-runner.ts';
import { DATABASE_LOCKS, type Database, type DatabaseLock, type Db } from './database.types.ts';

/** How often a process waiting for a database lock asks again (no blocking call: it would hit the statement timeout). */
const LOCK_POLL_MS = 200;

const STATEMENT_TIMEOUT_MS = 30_000;

/**
 * Pool limits: node-postgres waits forever by default, which hangs a process
 * when Postgres is down or unreachable.
 * - The server's statement_timeout cannot fire when no packet gets through,
 *   so every query also has a client-side read timeout, a little longer than
 *   the server's (a slow query fails with the server's clear error first).
 *   A client whose query timed out is closed and leaves the pool.
 * - TCP keepalive lets the OS notice a peer that vanished while a client sat idle.
 * People never wait for these: the adapters answer within ANSWER_DEADLINE_MS.
 * Long work (imports, reading every rating for training) runs in
 * `sql.transaction`, whose queries have no client-side timeout.
 */
const POOL_OPTIONS = {
  max: 10,
  connectionTimeoutMillis: 5_000,
  idleTimeoutMillis: 30_000,
  statement_timeout: STATEMENT_TIMEOUT_MS,
  query_timeout: STATEMENT_TIMEOUT_MS + 5_000,
  keepAlive: true,
  keepAliveInitialDelayMillis: 10_000,
  idle_in_transaction_session_timeout: 60_000,
  application_name: 'moviebot',
} as const;

/** A per-query client-side timeout meaning "none": the largest delay a timer takes. */
const NO_READ_TIMEOUT = 2 ** 31 - 1;

/** node-postgres's error for a query that outlived `query_timeout`. */
const READ_TIMEOUT = 'Query read timeout';

/**
 * Keeps dead clients out of the pool (installed on every new client).
 * - node-postgres leaves a client whose query timed out waiting for that
 *   query's answer, ahead of everything sent to it later: it is closed.
 * - A client whose connection ended while checked out is handed back to the
 *   pool at once, which drops it: drizzle never releases a client whose
 *   BEGIN failed, and each such client would hold one of the pool's slots
 *   for good (ten of them and nothing recovers without a restart). Whoever
 *   releases it later finds that a no-op.
 */
function keepDeadClientsOut(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const check = (err: unknown) => {
    if (err instanceof Error && err.message === READ_TIMEOUT) client.end().catch(() => undefined);
  };
  client.query = ((...args: unknown[]) => {
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (err: unknown, res: unknown) => {
        check(err);
        (callback as (e: unknown, r: unknown) => void)(err, res);
      };
      return query(...args);
    }
    const result = query(...args);
    if (result instanceof Promise) result.catch(check);
    else if (result && typeof (result as { once?: unknown }).once === 'function') (result as NodeJS.EventEmitter).once('error', check);
    return result;
  }) as typeof client.query;
  client.once('end', () => {
    try {
      client.release(new Error('connection ended'));
    } catch {
      // It was not checked out: the pool has already let it go.
    }
    client.release = () => undefined;
  });
}

export function openPostgres(url: string, logger: Logger, { queryTimeoutMs = POOL_OPTIONS.query_timeout }: { queryTimeoutMs?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, ...POOL_OPTIONS, query_timeout: queryTimeoutMs });
  // An idle client losing its connection emits here; unhandled, it would crash the process.
  pool.on('error', (err) => logger.error({ err }, 'postgres idle client error'));
  pool.on('connect', keepDeadClientsOut);
  const db = drizzle({ client: pool, schema }) as unknown as Db;

  const runner: SqlRunner = {
    async query(text, params) {
      const res = await pool.query(text, params as unknown[]);
      return res.rows;
    },
    // The long-work channel (imports, training reads): no client-side timeout, as a
    // 25M-row COPY or a cursor over every rating legitimately outlives any short bound.
    async transaction(fn) {
      const client = await pool.connect();
      const unbounded = (text: string, values?: unknown[]) => client.query(unboundedQuery(text, values));
      let broken: Error | undefined;
      try {
        await unbounded('BEGIN');
        const tx: SqlTx = {
          async query(text, params) {
            return (await unbounded(text, params)).rows;
          },
          async copyFrom(table, columns, chunks) {
            const copy = Object.assign(copyFromStdin(`COPY ${table} (${columns.join(', ')}) FROM STDIN`), { query_timeout: NO_READ_TIMEOUT });
            await pipeline(Readable.from(chunks), client.query(copy));
          },
        };
        const result = await fn(tx);
        await unbounded('COMMIT');
        return result;
      } catch (err) {
        // A client that cannot even roll back has lost its connection: the pool drops it.
        broken = await client.query('ROLLBACK').then(
          () => undefined,
          (e: Error) => e,
        );
        throw err;
      } finally {
        client.release(broken);
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
      await client.query(
        `select set_config('tcp_keepalives_idle', '30', false), set_config('tcp_keepalives_interval', '10', false), set_config('tcp_keepalives_count', '3', false)`,
      );
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

/** A query without the pool's client-side timeout (node-postgres reads `query_timeout` per query; its types omit it). */
function unboundedQuery(text: string, values?: unknown[]): pg.QueryConfig {
  const config = { text, values, query_timeout: NO_READ_TIMEOUT };
  return config;
}

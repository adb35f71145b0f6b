import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Logger } from '../../logger.ts';
import * as schema from './schema.ts';
import type { SqlRunner, SqlTx } from './sql-runner.ts';
import type { Database, Db } from './database.types.ts';

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

  const parsed = new URL(url);
  return {
    kind: 'postgres',
    description: `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    db,
    sql: runner,
    async ping() {
      await pool.query('select 1');
    },
    async migrate(migrationsFolder) {
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      // Several processes (docker compose's migrate job, every `start`) may
      // migrate at once; an advisory lock makes them take turns.
      const lockClient = await pool.connect();
      try {
        await lockClient.query('SELECT pg_advisory_lock(727274)');
        await migrate(drizzle({ client: pool }), { migrationsFolder });
      } finally {
        await lockClient.query('SELECT pg_advisory_unlock(727274)').catch(() => undefined);
        lockClient.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * The pool's client-side timeout (what frees clients and fails worker jobs
 * when Postgres is unreachable), shortened here so the tests are quick; the
 * real one is a little above the server's statement_timeout.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, silentLogger } from '../../../test/support/databases.ts';
import { TcpProxy } from '../../../test/support/tcp-proxy.ts';
import { MIGRATIONS_DIR } from './database.ts';
import type { Database } from './database.types.ts';
import { openPostgres } from './postgres.ts';

const TIMEOUT_MS = 600;

describe('Postgres pool timeouts', () => {
  let server: { url: string; drop(): Promise<void> };
  const opened: Database[] = [];
  const open = (url = server.url) => {
    const database = openPostgres(url, silentLogger, { queryTimeoutMs: TIMEOUT_MS });
    opened.push(database);
    return database;
  };

  beforeAll(async () => {
    server = await createPostgresDatabase();
  }, 60_000);
  afterEach(async () => {
    for (const d of opened.splice(0)) await d.close().catch(() => undefined);
  });
  afterAll(async () => server?.drop());

  it('a query with no answer fails at the client-side timeout and its client leaves the pool, even a transaction drizzle never releases', async () => {
    const target = new URL(server.url);
    const proxy = await new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) }).listen();
    try {
      const proxied = new URL(server.url);
      proxied.port = String(proxy.port);
      const database = open(proxied.toString());
      // Ten connections open and idle: the whole pool.
      await Promise.all(Array.from({ length: 10 }, () => database.db.transaction(async (tx) => tx.execute(sql`select pg_sleep(0.05)`))));

      proxy.freeze();
      const t0 = performance.now();
      // Each BEGIN goes unanswered; drizzle does not release a client whose BEGIN failed.
      const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => database.db.transaction(async (tx) => tx.execute(sql`select 1`))));
      const failMs = performance.now() - t0;
      const reasons = outcomes.map((o) => (o.status === 'rejected' ? String((o.reason as Error).cause ?? o.reason) : 'answered'));
      expect(reasons).toEqual(Array(10).fill('Error: Query read timeout'));
      // Bounded by the client-side timeout (without it they would wait for as long as the partition lasts).
      expect(failMs).toBeLessThan(3_000);

      proxy.unfreeze();
      // Had the ten stayed checked out, this would wait for a free client until the connection timeout and fail.
      const t1 = performance.now();
      expect(await database.sql.query('select 2 as two')).toEqual([{ two: 2 }]);
      expect(performance.now() - t1).toBeLessThan(2_000);
    } finally {
      proxy.unfreeze();
      await proxy.close();
    }
  });

  it('long work is not cut: sql.transaction outlives the timeout, and so does waiting for another migrator', async () => {
    const database = open();
    await expect(database.sql.query('select pg_sleep(1.5)')).rejects.toThrow('Query read timeout');
    const rows = await database.sql.transaction(async (tx) => tx.query<{ done: number }>('select 1 as done from pg_sleep(1.5)'));
    expect(rows).toEqual([{ done: 1 }]);

    // Another process holds the migration lock for a while; migrate waits for it rather than failing.
    const other = new pg.Client({ connectionString: server.url });
    await other.connect();
    try {
      await other.query('select pg_advisory_lock(727274)');
      setTimeout(() => void other.query('select pg_advisory_unlock(727274)'), 1_500);
      await database.migrate(MIGRATIONS_DIR);
      expect(await database.sql.query('select count(*)::int as n from movies')).toEqual([{ n: 0 }]);
    } finally {
      await other.end();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../core/wiring.ts';
import { freshPostgres, silentLogger, type TestDatabase } from '../../test/support/databases.ts';
import { TcpProxy } from '../../test/support/tcp-proxy.ts';
import { healthProbe } from './health.ts';

describe('healthProbe on Postgres behind a partition', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let database: Database;

  beforeAll(async () => {
    db = await freshPostgres();
    const target = new URL(db.url!);
    proxy = await new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) }).listen();
    const proxied = new URL(db.url!);
    proxied.port = String(proxy.port);
    database = await openDatabase({ databaseUrl: proxied.toString(), pgliteDir: undefined, logger: silentLogger });
  }, 60_000);
  afterAll(async () => {
    proxy?.unfreeze();
    await database?.close();
    await proxy?.close();
    await db?.drop();
  });

  it('reads as down within 2 s while no packet gets through, and up again once they do', async () => {
    const probe = healthProbe({ database, redis: undefined, bots: () => ({}) });
    expect((await probe()).ok).toBe(true);

    proxy.freeze();
    const t0 = performance.now();
    const down = await probe();
    const downMs = performance.now() - t0;
    expect(down.ok).toBe(false);
    expect(down.storage.connected).toBe(false);
    expect(downMs).toBeLessThan(2_000);

    proxy.unfreeze();
    const t1 = performance.now();
    let up = await probe();
    while (!up.ok && performance.now() - t1 < 10_000) up = await probe();
    expect(up.ok).toBe(true);
    console.log(`[health] partition: probe down in ${downMs.toFixed(0)} ms; up again ${(performance.now() - t1).toFixed(0)} ms after the network returned`);
  }, 30_000);
});

import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig, type Processors } from '../../core/index.ts';
import { BullmqQueue, createRedisClient, InProcessQueue, RETRAIN_SCHEDULER_ID, scheduleRetrain } from '../../core/wiring.ts';
import { silentLogger } from '../../test/support/databases.ts';
import { freePort, startOwnRedis } from '../../test/support/redis-server.ts';
import type { Product } from './product.ts';
import { scheduleNightlyRetrain } from './retrain-schedule.ts';

/** The embedded runner with every processor a spy; only `jobs` of the product is read. */
function embedded() {
  const processors = {
    'recompute-user': vi.fn(),
    'recompute-server': vi.fn(),
    retrain: vi.fn(async () => {}),
    import: vi.fn(),
    enrich: vi.fn(),
    'catalog-sync': vi.fn(),
  };
  const jobs = new InProcessQueue(processors as unknown as Processors);
  let ready!: () => void;
  const modelReady = new Promise<void>((resolve) => (ready = resolve));
  return { processors, jobs, ready, product: { jobs, modelReady } as unknown as Product };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the retrain schedule without Redis (jobs in-process)', () => {
  let jobs: InProcessQueue | undefined;
  afterEach(async () => jobs?.close());

  it('runs a scheduled retrain at each cron tick and stops when closed', async () => {
    const e = embedded();
    jobs = e.jobs;
    e.ready();
    const schedule = scheduleNightlyRetrain(loadConfig({ RETRAIN_CRON: '* * * * * *' }), silentLogger, e.product);
    await vi.waitFor(() => expect(e.processors.retrain.mock.calls.length).toBeGreaterThanOrEqual(2), { timeout: 3_500, interval: 20 });
    expect(e.processors.retrain).toHaveBeenCalledWith({ reason: 'scheduled' });
    expect(e.processors['recompute-user']).not.toHaveBeenCalled();
    schedule.close();
    await sleep(100); // a retrain queued by the last tick may still be on its way to the processor
    const ran = e.processors.retrain.mock.calls.length;
    await sleep(2_200);
    expect(e.processors.retrain).toHaveBeenCalledTimes(ran);
  });

  it('a tick during the first run’s training waits for it: no second training beside it', async () => {
    const e = embedded();
    jobs = e.jobs;
    const schedule = scheduleNightlyRetrain(loadConfig({ RETRAIN_CRON: '* * * * * *' }), silentLogger, e.product);
    await sleep(1_300);
    expect(e.processors.retrain).not.toHaveBeenCalled();
    e.ready();
    await vi.waitFor(() => expect(e.processors.retrain).toHaveBeenCalledWith({ reason: 'scheduled' }), { timeout: 1_000, interval: 20 });
    schedule.close();
  });

  it('RETRAIN_CRON=off schedules nothing', async () => {
    const e = embedded();
    jobs = e.jobs;
    const schedule = scheduleNightlyRetrain(loadConfig({ RETRAIN_CRON: 'off' }), silentLogger, e.product);
    await sleep(1_200);
    expect(e.processors.retrain).not.toHaveBeenCalled();
    schedule.close();
  });

  it('a tick after the runner closed (shutdown under way) is logged, not thrown', async () => {
    const e = embedded();
    const warn = vi.fn();
    const logger = { ...silentLogger, info: () => {}, warn } as unknown as typeof silentLogger;
    e.ready();
    const schedule = scheduleNightlyRetrain(loadConfig({ RETRAIN_CRON: '* * * * * *' }), logger, e.product);
    await e.jobs.close();
    await vi.waitFor(() => expect(warn).toHaveBeenCalled(), { timeout: 2_500, interval: 20 });
    expect(e.processors.retrain).not.toHaveBeenCalled();
    schedule.close();
  });
});

/**
 * Issue 12 (4): with Redis the schedule lives in Redis, which may lose it.
 * Each test runs a redis-server of its own (restarted, flushed, demoted):
 * the machine's shared Redis is never touched.
 */
describe('the retrain schedule on Redis (BullMQ job scheduler)', () => {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await Promise.resolve(c()).catch(() => undefined);
  });

  /** A redis-server of this test's own, a role's connection to it (as connectRedis makes it), and a probe that reads the scheduler. */
  async function setUp() {
    const server = await startOwnRedis();
    cleanups.push(() => server.stop());
    const warn = vi.fn();
    const logger = { ...silentLogger, info: () => {}, debug: () => {}, warn } as unknown as typeof silentLogger;
    const connection = createRedisClient(server.url, logger);
    const jobs = new BullmqQueue(connection);
    cleanups.push(async () => (await jobs.close(), connection.disconnect()));
    const probe = new Redis(server.url);
    probe.on('error', () => {}); // down on purpose; it reconnects by itself
    const probed = new BullmqQueue(probe);
    cleanups.push(async () => (await probed.close(), probe.disconnect()));
    await new Promise((resolve) => connection.once('ready', resolve));
    const scheduler = () => probed.queue('retrain').getJobScheduler(RETRAIN_SCHEDULER_ID);
    const keep = (cron: string, recheckMs: number) => {
      const schedule = scheduleNightlyRetrain(loadConfig({ REDIS_URL: server.url, RETRAIN_CRON: cron }), logger, { jobs } as unknown as Product, { recheckMs });
      cleanups.push(schedule.close);
      return schedule;
    };
    const scheduled = (pattern: string, timeout: number) =>
      vi.waitFor(async () => expect(await scheduler()).toMatchObject({ pattern, template: { data: { reason: 'scheduled' } } }), { timeout, interval: 50 });
    return { server, probe, probed, warn, scheduler, keep, scheduled };
  }

  it('Redis restarted without persistence: the schedule is back within seconds of the reconnect, with one next job', async () => {
    const { server, probe, probed, scheduler, keep, scheduled } = await setUp();
    // No periodic check within this test: only the reconnect can bring it back.
    keep('0 3 * * *', 600_000);
    await scheduled('0 3 * * *', 5_000);
    await probe.set('restart-marker', '1');
    const killedAt = Date.now();
    await server.kill();
    await server.start();
    await scheduled('0 3 * * *', 60_000);
    const ms = Date.now() - killedAt;
    expect(await probe.get('restart-marker')).toBeNull(); // Redis really came back empty
    const next = (await scheduler())!.next;
    const pending = await probed.queue('retrain').getJobs(['delayed', 'waiting']);
    expect(pending.map((job) => job.id)).toEqual([`repeat:${RETRAIN_SCHEDULER_ID}:${next}`]);
    console.log(`[retrain-schedule] back ${ms} ms after the kill of Redis (restart included)`);
  }, 90_000);

  it('Redis flushed with the connection kept: the periodic check restores it', async () => {
    const { probe, keep, scheduled, scheduler } = await setUp();
    keep('0 3 * * *', 300);
    await scheduled('0 3 * * *', 5_000);
    await probe.flushall();
    expect(await scheduler()).toBeUndefined();
    await scheduled('0 3 * * *', 5_000);
  });

  it('RETRAIN_CRON=off removes the schedule and keeps it removed', async () => {
    const { probed, keep, scheduler } = await setUp();
    // A schedule left by an older configuration, written again by a worker that still has it.
    await scheduleRetrain(probed, '0 3 * * *');
    keep('off', 300);
    await vi.waitFor(async () => expect(await scheduler()).toBeUndefined(), { timeout: 5_000, interval: 50 });
    await scheduleRetrain(probed, '0 3 * * *');
    expect(await scheduler()).toBeDefined();
    await vi.waitFor(async () => expect(await scheduler()).toBeUndefined(), { timeout: 5_000, interval: 50 });
    expect(await probed.queue('retrain').getJobs(['delayed', 'waiting'])).toEqual([]);
  });

  it('while Redis is down nothing is tried; a check Redis refuses is a warning, and a later check succeeds', async () => {
    const { server, probe, warn, keep, scheduled } = await setUp();
    keep('0 3 * * *', 200);
    await scheduled('0 3 * * *', 5_000);
    await server.kill();
    await sleep(1_000); // five periods with the connection down
    expect(warn).not.toHaveBeenCalledWith(expect.anything(), expect.stringMatching(/retrain schedule/));
    await server.start();
    await scheduled('0 3 * * *', 10_000);

    // Failed over to an empty replica: reads answer, writes are refused (READONLY).
    await probe.flushall();
    await probe.replicaof('127.0.0.1', await freePort());
    const refused = expect.objectContaining({ err: expect.objectContaining({ message: expect.stringMatching(/READONLY/) }) });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(refused, expect.stringMatching(/could not check the retrain schedule/)), {
      timeout: 5_000,
      interval: 50,
    });
    await probe.replicaof('NO', 'ONE');
    await scheduled('0 3 * * *', 5_000);
  });
});

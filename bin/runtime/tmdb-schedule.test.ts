import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JOB_NAMES, loadConfig, type Processors } from '../../core/index.ts';
import { BullmqQueue, InProcessQueue } from '../../core/wiring.ts';
import { silentLogger } from '../../test/support/databases.ts';
import { TEST_REDIS_URL } from '../../test/support/redis-server.ts';
import type { Product } from './product.ts';
import { scheduleTmdbJobs, TMDB_SCHEDULES } from './tmdb-schedule.ts';

const WITH_TMDB = { TMDB_API_KEY: 'a-v3-key', TMDB_API_URL: 'http://127.0.0.1:1/3' };
/** Both jobs every second, for the in-process timers. */
const EVERY_SECOND = TMDB_SCHEDULES.map((s) => ({ ...s, pattern: '* * * * * *' })) as unknown as typeof TMDB_SCHEDULES;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the TMDB schedules without Redis (jobs in-process)', () => {
  let jobs: InProcessQueue | undefined;
  afterEach(async () => jobs?.close());

  const embedded = () => {
    const processors = { enrich: vi.fn(async () => {}), 'catalog-sync': vi.fn(async () => {}) } as unknown as Processors &
      Record<'enrich' | 'catalog-sync', ReturnType<typeof vi.fn>>;
    jobs = new InProcessQueue(processors);
    return { processors, product: { jobs } as unknown as Product };
  };

  it('queue the refresh of due films and the catalog sync at their ticks, and stop when closed', async () => {
    const { processors, product } = embedded();
    const schedule = scheduleTmdbJobs(loadConfig(WITH_TMDB), silentLogger, product, { schedules: EVERY_SECOND });
    await vi.waitFor(
      () => {
        expect(processors.enrich).toHaveBeenCalledWith({ due: 'scheduled' });
        expect(processors['catalog-sync']).toHaveBeenCalledWith({ reason: 'scheduled' });
      },
      { timeout: 3_000, interval: 20 },
    );
    schedule.close();
    await sleep(100);
    const ran = processors.enrich.mock.calls.length;
    await sleep(1_500);
    expect(processors.enrich).toHaveBeenCalledTimes(ran);
  });

  it('without TMDB neither the refresh nor the sync runs (only the daily purge is scheduled)', async () => {
    const { processors, product } = embedded();
    const schedule = scheduleTmdbJobs(loadConfig({}), silentLogger, product, { schedules: EVERY_SECOND });
    await sleep(1_300);
    expect(processors.enrich).not.toHaveBeenCalled();
    expect(processors['catalog-sync']).not.toHaveBeenCalled();
    schedule.close();
  });
});

describe('the TMDB schedules on Redis', () => {
  it('puts both on BullMQ’s job schedulers, leaves them alone when unchanged, and once TMDB is off keeps only the daily purge', async () => {
    const producer = new Redis(TEST_REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    await new Promise((resolve) => producer.once('ready', resolve));
    const jobs = new BullmqQueue(producer, `test-${randomUUID()}`);
    const product = { jobs } as unknown as Product;
    const info = vi.fn();
    const logger = { ...silentLogger, info, debug: () => {}, warn: () => {} } as unknown as typeof silentLogger;
    const scheduler = async (name: 'enrich' | 'catalog-sync', id: string) => (await jobs.queue(name).getJobScheduler(id))?.pattern ?? null;
    try {
      const on = scheduleTmdbJobs(loadConfig(WITH_TMDB), logger, product);
      await vi.waitFor(async () => expect(await scheduler('catalog-sync', 'daily-catalog-sync')).toBe('45 4 * * *'), { timeout: 5_000, interval: 50 });
      expect(await scheduler('enrich', 'enrich-refresh')).toBe('*/10 * * * *');
      on.close();
      const again = scheduleTmdbJobs(loadConfig(WITH_TMDB), logger, product);
      await vi.waitFor(() => expect(info.mock.calls.filter(([f]) => f.outcome === 'kept')).toHaveLength(2), { timeout: 5_000, interval: 50 });
      again.close();
      const off = scheduleTmdbJobs(loadConfig({}), logger, product);
      await vi.waitFor(async () => expect(await scheduler('catalog-sync', 'daily-catalog-sync')).toBeNull(), { timeout: 5_000, interval: 50 });
      expect(await scheduler('enrich', 'enrich-refresh')).toBe('30 5 * * *');
      off.close();
    } finally {
      for (const name of JOB_NAMES)
        await jobs
          .queue(name)
          .obliterate({ force: true })
          .catch(() => undefined);
      await jobs.close();
      await producer.quit();
    }
  });
});

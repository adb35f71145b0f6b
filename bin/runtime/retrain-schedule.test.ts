import { afterEach, describe, expect, it, vi } from 'vitest';
import { InProcessQueue, loadConfig, type Processors } from '../../core/index.ts';
import { silentLogger } from '../../test/support/databases.ts';
import type { Product } from './product.ts';
import { scheduleNightlyRetrain } from './retrain-schedule.ts';

/** The embedded runner with every processor a spy; only `jobs` of the product is read. */
function embedded() {
  const processors = { 'recompute-user': vi.fn(), 'recompute-server': vi.fn(), retrain: vi.fn(async () => {}), import: vi.fn() };
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

import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL } from '../../../test/support/redis-server.ts';
import { BullmqQueue } from './bullmq-queue.ts';
import { RETRAIN_SCHEDULER_ID, scheduleRetrain } from './retrain-schedule.ts';

const NIGHTLY = '0 3 * * *';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** BullMQ's scheduler on the shared Redis, each test on a prefix of its own (its queues obliterated after). */
describe('scheduleRetrain on BullMQ', () => {
  const opened: { jobs: BullmqQueue; redis: Redis }[] = [];
  let prefix: string;
  let jobs: BullmqQueue;

  async function connect(): Promise<BullmqQueue> {
    const redis = new Redis(TEST_REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    await new Promise((resolve) => redis.once('ready', resolve));
    const queue = new BullmqQueue(redis, prefix);
    opened.push({ jobs: queue, redis });
    return queue;
  }

  beforeEach(async () => {
    prefix = `test-${randomUUID()}`;
    jobs = await connect();
  });
  afterEach(async () => {
    await jobs.queue('retrain').obliterate({ force: true });
    for (const { jobs: queue, redis } of opened.splice(0)) {
      await queue.close();
      await redis.quit();
    }
  });

  /** The schedulers, and every retrain job still to run (id and when it was written). */
  async function schedule() {
    const queue = jobs.queue('retrain');
    const schedulers = await queue.getJobSchedulers();
    const pending = await queue.getJobs(['delayed', 'waiting', 'prioritized', 'active']);
    return { schedulers, pending: pending.map((job) => ({ id: job.id, written: job.timestamp })) };
  }
  const nextJobId = (next: number | undefined) => `repeat:${RETRAIN_SCHEDULER_ID}:${next}`;

  it('creates the schedule once; checking again writes nothing: one scheduler, one next job, the same run time', async () => {
    expect(await scheduleRetrain(jobs, NIGHTLY)).toBe('created');
    const first = await schedule();
    expect(first.schedulers).toHaveLength(1);
    const [scheduler] = first.schedulers;
    expect(scheduler).toMatchObject({ key: RETRAIN_SCHEDULER_ID, pattern: NIGHTLY, template: { data: { reason: 'scheduled' } } });
    expect(new Date(scheduler!.next!).getHours()).toBe(3);
    expect(first.pending.map((job) => job.id)).toEqual([nextJobId(scheduler!.next)]);
    for (let i = 0; i < 3; i++) {
      await sleep(5); // an upsert would write the job again with a later timestamp
      expect(await scheduleRetrain(jobs, NIGHTLY)).toBe('kept');
    }
    expect(await schedule()).toEqual(first);
  });

  it('a tick whose job no worker has taken yet still runs: a check does not push it to the next occurrence', async () => {
    // Every second, and no worker here: the due job waits for one (as when every worker was down at 03:00).
    expect(await scheduleRetrain(jobs, '* * * * * *')).toBe('created');
    const due = await schedule();
    const next = due.schedulers[0]!.next!;
    await sleep(Math.max(0, next - Date.now()) + 300);
    expect(await scheduleRetrain(jobs, '* * * * * *')).toBe('kept');
    expect(await schedule()).toEqual(due);
    expect((await schedule()).pending.map((job) => job.id)).toEqual([nextJobId(next)]);
  });

  it('another cron replaces the schedule: still one scheduler and one next job, at the new time', async () => {
    await scheduleRetrain(jobs, NIGHTLY);
    expect(await scheduleRetrain(jobs, '30 4 * * *')).toBe('changed');
    const { schedulers, pending } = await schedule();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]!.pattern).toBe('30 4 * * *');
    const next = new Date(schedulers[0]!.next!);
    expect([next.getHours(), next.getMinutes()]).toEqual([4, 30]);
    expect(pending.map((job) => job.id)).toEqual([nextJobId(schedulers[0]!.next)]);
  });

  it('a schedule whose next job is gone is repaired', async () => {
    await scheduleRetrain(jobs, NIGHTLY);
    const { schedulers } = await schedule();
    // BullMQ refuses to remove a scheduler's job; only a partial loss of Redis's data takes it away.
    const id = nextJobId(schedulers[0]!.next);
    await opened[0]!.redis.multi().zrem(`${prefix}:retrain:delayed`, id).del(`${prefix}:retrain:${id}`).exec();
    expect((await schedule()).pending).toEqual([]);
    expect(await scheduleRetrain(jobs, NIGHTLY)).toBe('repaired');
    expect((await schedule()).pending.map((job) => job.id)).toEqual([nextJobId(schedulers[0]!.next)]);
  });

  it('off removes the schedule and its next job, and stays off', async () => {
    await scheduleRetrain(jobs, NIGHTLY);
    expect(await scheduleRetrain(jobs, null)).toBe('removed');
    expect(await schedule()).toEqual({ schedulers: [], pending: [] });
    expect(await scheduleRetrain(jobs, null)).toBe('off');
    expect(await schedule()).toEqual({ schedulers: [], pending: [] });
  });

  it('processes checking at the same time leave one scheduler and one next job', async () => {
    const processes = await Promise.all([connect(), connect(), connect(), connect()]);
    const outcomes = await Promise.all(processes.map((queue) => scheduleRetrain(queue, NIGHTLY)));
    expect(outcomes).toContain('created');
    const { schedulers, pending } = await schedule();
    expect(schedulers).toHaveLength(1);
    expect(pending.map((job) => job.id)).toEqual([nextJobId(schedulers[0]!.next)]);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { BadJobError, type JobPayloads } from '../core/index.ts';
import { JOB_RUNNERS, type JobRunner } from '../test/support/job-runners.ts';

const until = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};

/** One contract, run through both runners. */
describe.each(JOB_RUNNERS)('jobs on $name', ({ start }) => {
  let runner: JobRunner | undefined;
  afterEach(async () => {
    await runner?.close();
    runner = undefined;
  });

  it('runs a job, and a burst with one debounce key once, with the last data', async () => {
    const seen: JobPayloads['recompute-user'][] = [];
    runner = await start({ 'recompute-user': async (data) => void seen.push(data) });
    await runner.queue.enqueue('recompute-user', { userId: 1 });
    for (let i = 2; i <= 6; i++) await runner.queue.enqueue('recompute-user', { userId: i }, { debounceKey: 'u', debounceMs: 300 });
    await until(() => seen.length >= 2);
    await new Promise((r) => setTimeout(r, 600));
    expect(seen).toEqual([{ userId: 1 }, { userId: 6 }]);
  });

  it('retries a failing job with backoff, and never retries bad data', async () => {
    const calls = vi.fn();
    runner = await start({
      'recompute-user': async (data) => {
        calls(data.userId);
        if (data.userId === 0) throw new BadJobError('no user');
        if (calls.mock.calls.filter(([id]) => id === 7).length < 3) throw new Error('database blinked');
      },
    });
    await runner.queue.enqueue('recompute-user', { userId: 0 });
    await runner.queue.enqueue('recompute-user', { userId: 7 });
    await until(() => calls.mock.calls.filter(([id]) => id === 7).length >= 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.mock.calls.filter(([id]) => id === 7)).toHaveLength(3);
    expect(calls.mock.calls.filter(([id]) => id === 0)).toHaveLength(1);
  });
});

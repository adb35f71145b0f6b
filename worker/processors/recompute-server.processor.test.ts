/**
 * The recompute-server processor through both runners: BullMQ on real Redis
 * (a queue prefix per test) and the in-process runner, over memory stores.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { serverPick, type CommunityDeps, type Processors, type Recommender } from '../../core/index.ts';
import { MemoryServerResultCache } from '../../core/wiring.ts';
import { memoryCommunityDeps, seedGuild, smallModel } from '../../test/support/memory-community.ts';
import { JOB_RUNNERS, type JobRunner } from '../../test/support/job-runners.ts';
import { createProcessors } from './index.ts';

const guild = { platform: 'discord' as const, id: 'guild-1' };
let model: Recommender;

const until = async (check: () => Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check()) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};

beforeAll(async () => {
  model = await smallModel();
});

describe.each(JOB_RUNNERS)('recompute-server on $name', ({ start }) => {
  let runner: JobRunner | undefined;
  let deps: CommunityDeps & { serverResults: MemoryServerResultCache };
  let communityId: number;
  let processor: Mock<Processors['recompute-server']>;

  beforeEach(async () => {
    deps = { ...memoryCommunityDeps(model), serverResults: new MemoryServerResultCache() };
    communityId = await seedGuild(deps, 'guild-1', { ann: [1, 2], bob: [2, 21], cy: [41] });
    const processors = createProcessors({ deps });
    processor = vi.fn(processors['recompute-server']);
    runner = await start({ ...processors, 'recompute-server': processor });
  });
  afterEach(async () => {
    await runner?.close();
    runner = undefined;
  });

  it('keeps the community pick and trends ready, the same as made on the spot, and the same when run again', async () => {
    await runner!.queue.enqueue('recompute-server', { communityId });
    await until(async () => (await deps.serverResults.getPick(communityId, model)) !== null);
    const ready = (await deps.serverResults.getPick(communityId, model))!;
    const onTheSpot = await serverPick({ ...deps, serverResults: undefined }, guild, 25);
    expect(ready.picks.map((p) => p.movieId)).toEqual(onTheSpot.picks.map((p) => p.movie.id));
    expect(ready.memberIds).toHaveLength(3);
    expect((await deps.serverResults.getTrends(communityId))!.contributors).toBe(3);

    // At-least-once: a second delivery stores the same result.
    await runner!.queue.enqueue('recompute-server', { communityId });
    await until(async () => processor.mock.calls.length >= 2);
    await until(async () => processor.mock.results.every((r) => r.type === 'return'));
    await new Promise((r) => setTimeout(r, 50));
    expect(await deps.serverResults.getPick(communityId, model)).toEqual(ready);
  });

  it('fails bad or unknown community ids at once, without retry', async () => {
    for (const bad of [0, -3, 1.5, 999]) await runner!.queue.enqueue('recompute-server', { communityId: bad });
    await runner!.queue.enqueue('recompute-server', { communityId: 'x' as unknown as number });
    await until(async () => processor.mock.calls.length >= 5);
    // Past the first retry's backoff on both runners (50 ms in-process, 1 s on BullMQ).
    await new Promise((r) => setTimeout(r, 1_500));
    expect(processor.mock.calls.map(([d]) => d.communityId).sort()).toEqual([-3, 0, 1.5, 999, 'x'].sort());
    expect(await deps.serverResults.getTrends(999)).toBeNull();
  });
});

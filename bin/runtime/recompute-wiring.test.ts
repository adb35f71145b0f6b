import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  joinCommunity,
  recordFeedback,
  refreshServerResults,
  SERVER_RECOMPUTE_DEBOUNCE_MS,
  serverPick,
  TasteChanges,
  type Processors,
  type Recommender,
} from '../../core/index.ts';
import { InProcessQueue, MemoryServerResultCache, subscribeBackgroundWork } from '../../core/wiring.ts';
import { createProcessors } from '../../worker/index.ts';
import { silentLogger } from '../../test/support/databases.ts';
import { memoryCommunityDeps, seedGuild, smallModel } from '../../test/support/memory-community.ts';

let model: Recommender;
let queue: InProcessQueue | undefined;
beforeAll(async () => {
  model = await smallModel();
});
afterEach(async () => {
  await queue?.close();
  queue = undefined;
});

/** The product's wiring on memory stores and the in-process runner: the use cases announce, the subscribers queue. */
function wired() {
  const changes = new TasteChanges();
  const serverResults = new MemoryServerResultCache();
  const deps = { ...memoryCommunityDeps(model, serverResults), changes };
  const processors = createProcessors({ deps });
  const recompute = vi.fn(processors['recompute-server']);
  queue = new InProcessQueue({ ...processors, 'recompute-server': recompute } as Processors, { backoffMs: 50 });
  subscribeBackgroundWork(changes, { jobs: queue, communities: deps.communities, serverResults, log: silentLogger });
  return { deps, serverResults, recompute };
}

const until = async (check: () => Promise<boolean>, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!(await check()) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};
const ann = { platform: 'discord' as const, platformUserId: 'ann' };

describe('recompute-server wiring', () => {
  it("a member's clicks mark every server they are in stale, and one debounced job per server remakes its pick", async () => {
    const { deps, serverResults, recompute } = wired();
    const film = await seedGuild(deps, 'film-club', { ann: [1, 2], bob: [21], cy: [41] });
    const horror = await seedGuild(deps, 'horror-night', { ann: [], dan: [41, 42] });
    await until(async () => recompute.mock.calls.length >= 2); // the joins' recomputes
    await new Promise((r) => setTimeout(r, SERVER_RECOMPUTE_DEBOUNCE_MS + 100));
    for (const id of [film, horror]) await refreshServerResults(deps, id);
    const before = (await serverResults.getPick(film, model))!.picks.map((p) => p.movieId);
    recompute.mockClear();

    // A burst of clicks: ann likes three of the film club's picks.
    for (const movieId of before.slice(0, 3)) await recordFeedback(deps, { identity: ann, movieId, value: 1, source: 'button' });
    await until(async () => (await serverResults.getTrends(film)) === null && (await serverResults.getTrends(horror)) === null, 1_000);
    expect(await serverResults.getTrends(film)).toBeNull();
    expect(await serverResults.getTrends(horror)).toBeNull();
    // Until the job has run, the old pick answers: nobody waits for a group fold-in.
    expect((await serverResults.getPick(film, model))!.picks.map((p) => p.movieId)).toEqual(before);

    const remade = async (id: number) => (await serverResults.getTrends(id)) !== null;
    await until(async () => (await remade(film)) && (await remade(horror)));
    const after = (await serverResults.getPick(film, model))!.picks.map((p) => p.movieId);
    expect(after).not.toContain(before[0]);
    expect(after.slice(0, 3)).not.toEqual(before.slice(0, 3));
    expect(await serverResults.getPick(horror, model)).not.toBeNull();
    await new Promise((r) => setTimeout(r, SERVER_RECOMPUTE_DEBOUNCE_MS + 100));
    expect(recompute.mock.calls.map(([d]) => d.communityId).sort()).toEqual([film, horror].sort());
  });

  it('a new member is counted at once, and the pick is remade with them', async () => {
    const { deps, serverResults, recompute } = wired();
    const film = await seedGuild(deps, 'film-club', { bob: [21, 22], cy: [23] });
    await until(async () => recompute.mock.calls.length >= 1);
    await until(async () => (await serverResults.getPick(film, model)) !== null);
    const eve = { platform: 'discord' as const, platformUserId: 'eve' };
    await deps.favorites.add(await deps.accounts.resolveUser(eve), 1);
    await joinCommunity(deps, eve, { platform: 'discord', id: 'film-club' });
    // Her next question must count her: no result from before she joined is served.
    expect(await serverResults.getTrends(film)).toBeNull();
    expect((await serverPick(deps, { platform: 'discord', id: 'film-club' }, 5)).members.map((m) => m.platformUserId)).toEqual(['bob', 'cy', 'eve']);
    await until(async () => ((await serverResults.getPick(film, model))?.memberIds.length ?? 0) === 3);
    expect((await serverResults.getPick(film, model))!.memberIds).toHaveLength(3);
  });

  it('a burst of newcomers joining a server at once is one recompute, and its pick counts them all', async () => {
    const { deps, serverResults, recompute } = wired();
    const film = await seedGuild(deps, 'film-club', { bob: [21, 22], cy: [23] });
    await until(async () => (await serverResults.getPick(film, model)) !== null);
    await new Promise((r) => setTimeout(r, SERVER_RECOMPUTE_DEBOUNCE_MS + 100));
    recompute.mockClear();

    const newcomers = Array.from({ length: 200 }, (_, i) => ({ platform: 'discord' as const, platformUserId: `new-${i}` }));
    await Promise.all(newcomers.map((n) => joinCommunity(deps, n, { platform: 'discord', id: 'film-club' })));
    await until(async () => (await serverResults.getPick(film, model))?.memberCount === 202);
    expect((await serverResults.getPick(film, model))!.memberCount).toBe(202);
    await new Promise((r) => setTimeout(r, SERVER_RECOMPUTE_DEBOUNCE_MS + 100));
    expect(recompute.mock.calls.map(([d]) => d.communityId)).toEqual([film]);
  });
});

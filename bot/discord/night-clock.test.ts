import { beforeEach, describe, expect, it } from 'vitest';
import { nightState } from '../../core/index.ts';
import { NightClock } from './night-clock.ts';
import { candidatesOf, movienight, nightDeps, nightWith, press, type NightTestDeps } from './testing/night-driver.ts';

let d: NightTestDeps;
let clock: NightClock;
beforeEach(async () => {
  d = await nightDeps();
  clock = new NightClock(d.nights, d.logger);
});

const DAY = 24 * 3600_000;
/** The clock's "now", `ms` from the real one (nights start "in 3 days": at 20:00 three days on). */
const later = (ms: number) => (d.deps.now = () => new Date(Date.now() + ms));
const posts = () => d.discord.calls.filter((c) => c.method === 'POST' && c.route === '/channels/c1/messages').map((c) => String(c.body.content));

describe('the movie night clock', () => {
  it('closes the vote at the start time: the most votes win, the result is posted and the event made', async () => {
    const { nightId } = await nightWith(d, ['u2']);
    const second = (await candidatesOf(d, nightId))[1]!;
    await press(d, `mv:${nightId}:${second}`, 'u2');
    await clock.tick();
    expect((await nightState(d.deps, nightId)).night.status).toBe('voting');
    later(5 * DAY);
    await clock.tick();
    expect((await nightState(d.deps, nightId)).night).toMatchObject({ status: 'closed', winnerMovieId: second });
    expect(posts()).toEqual([expect.stringMatching(/^🏆 .* it is — [\s\S]*It is on the server's events/)]);
    // The next tick closes nothing again (the film is over by then: it asks how it was instead).
    await clock.tick();
    expect(posts().filter((p) => p.startsWith('🏆'))).toHaveLength(1);
  });

  it('with no votes at the start time, the group’s top-scored film wins; with nobody else in, the night is called off', async () => {
    const voted = await nightWith(d, ['u2']);
    const state = await nightState(d.deps, voted.nightId);
    const top = [...state.candidates].sort((a, b) => b.groupScore - a.groupScore)[0]!.movieId;
    later(5 * DAY);
    await clock.tick();
    expect((await nightState(d.deps, voted.nightId)).night.winnerMovieId).toBe(top);
    expect(posts()[0]).toMatch(/no votes; /);

    d = await nightDeps();
    clock = new NightClock(d.nights, d.logger);
    const alone = await nightWith(d, []);
    later(5 * DAY);
    await clock.tick();
    await d.nights.board.flush();
    expect((await nightState(d.deps, alone.nightId)).night.status).toBe('cancelled');
    const edit = d.discord.calls.filter((c) => c.method === 'PATCH').at(-1)!;
    expect(JSON.stringify(edit.body)).toContain('Called off');
    expect(d.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('asks how it was once the film is over, once', async () => {
    const { nightId } = await nightWith(d, ['u2']);
    await press(d, `mv:${nightId}:${(await candidatesOf(d, nightId))[0]}`, 'u2');
    await movienight(d, 'close');
    later(5 * DAY);
    await clock.tick();
    await clock.tick();
    const asked = d.discord.calls.filter((c) => c.method === 'POST' && String(c.body.content).startsWith('How was'));
    expect(asked).toHaveLength(1);
    expect(JSON.stringify(asked[0]!.body.components)).toContain(`mh:u:${nightId}`);
    expect((await nightState(d.deps, nightId)).night.status).toBe('done');
  });

  it('leaves alone the nights of channels its client does not hold (another shard’s)', async () => {
    const { nightId } = await nightWith(d, ['u2']);
    d.discord.holdsOnly = true;
    later(5 * DAY);
    await clock.tick();
    expect((await nightState(d.deps, nightId)).night.status).toBe('open');
  });

  it('ticks on an unref’d timer and stops', async () => {
    const fast = new NightClock(d.nights, d.logger, 5);
    fast.start();
    await new Promise((r) => setTimeout(r, 30));
    await fast.stop();
    expect(d.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});

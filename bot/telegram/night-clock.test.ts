import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NightClock } from './night-clock.ts';
import { nightSetup } from './testing/night-setup.ts';

let s: Awaited<ReturnType<typeof nightSetup>>;
let clock: NightClock;
beforeEach(async () => {
  s = await nightSetup();
  clock = new NightClock(s.nights, s.d.logger);
});
afterEach(() => clock.stop());

const at = (iso: string) => (s.clock.now = new Date(iso));
const methods = () => s.tg.calls.map((c) => c.method);

describe('the movie night clock', () => {
  it('sends the poll an hour before, closes the vote at the start, asks how it was after the film — each once', async () => {
    await s.twoIn();
    await clock.tick();
    expect(s.tg.sent('sendPoll')).toEqual([]);
    at('2026-12-11T20:15:00Z');
    await clock.tick();
    await clock.tick();
    expect(s.tg.sent('sendPoll')).toHaveLength(1);
    const night = (await s.d.deps.nights.state(1))!.night;
    await s.tg.pollAnswer(night.pollId!, [1], s.users.BOB);
    at('2026-12-11T21:00:00Z');
    await clock.tick();
    await clock.tick();
    expect(s.tg.sent('stopPoll')).toHaveLength(1);
    expect(s.tg.sent('sendMessage').filter((m) => String(m.text).startsWith('🏆'))).toHaveLength(1);
    expect(s.tg.sent('pinChatMessage')).toHaveLength(1);
    expect(s.tg.sent('sendMessage').some((m) => String(m.text).startsWith('How was'))).toBe(false);
    at('2026-12-11T23:00:00Z');
    await clock.tick();
    await clock.tick();
    expect(s.tg.sent('sendMessage').filter((m) => String(m.text).startsWith('How was'))).toHaveLength(1);
    expect((await s.d.deps.nights.state(1))!.night.status).toBe('done');
    expect(s.d.logger.lines).toEqual([]);
  });

  it('leaves a night that is not ready alone, quietly, and tries again later', async () => {
    await s.inGroup('/movienight fri 21:00');
    at('2026-12-11T21:05:00Z');
    const before = methods().length;
    await clock.tick();
    expect(methods().slice(before)).toEqual([]);
    expect(s.d.logger.lines).toEqual([]);
  });

  it('logs what it could not do and carries on with the other nights', async () => {
    await s.twoIn();
    at('2026-12-11T20:15:00Z');
    s.tg.telegram.sendPoll = async () => {
      throw new Error('socket hang up');
    };
    await clock.tick();
    expect(s.d.logger.lines).toMatchObject([{ level: 'error', message: 'movie night clock could not send the poll', fields: { nightId: 1 } }]);
  });

  it('ticks every 30 s until stopped', async () => {
    vi.useFakeTimers();
    try {
      const tick = vi.spyOn(clock, 'tick');
      clock.start();
      await vi.advanceTimersByTimeAsync(65_000);
      expect(tick).toHaveBeenCalledTimes(2);
      await clock.stop();
      await vi.advanceTimersByTimeAsync(65_000);
      expect(tick).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

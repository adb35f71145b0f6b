import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CronTimer } from './cron-timer.ts';

/** Local time, as the cron pattern is read (server time). */
const local = (day: number, hour: number, minute = 0, second = 0) => new Date(2026, 0, day, hour, minute, second);

describe('CronTimer', () => {
  beforeEach(() => vi.useFakeTimers({ now: local(1, 2, 59, 50) }));
  afterEach(() => vi.useRealTimers());

  it('ticks at each occurrence of the pattern, re-armed after each, and at no other time', () => {
    const ticks: Date[] = [];
    const timer = new CronTimer('0 3 * * *', (at) => ticks.push(at));
    expect(timer.next).toEqual(local(1, 3));
    vi.advanceTimersByTime(9_999);
    expect(ticks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ticks).toEqual([local(1, 3)]);
    expect(timer.next).toEqual(local(2, 3));
    vi.advanceTimersByTime(24 * 3_600_000 - 1);
    expect(ticks).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(ticks).toEqual([local(1, 3), local(2, 3)]);
    timer.stop();
  });

  it('a six-field pattern ticks every second', () => {
    const ticks: Date[] = [];
    const timer = new CronTimer('* * * * * *', (at) => ticks.push(at));
    vi.advanceTimersByTime(3_000);
    expect(ticks).toEqual([local(1, 2, 59, 51), local(1, 2, 59, 52), local(1, 2, 59, 53)]);
    timer.stop();
  });

  it('stop() clears the timer: nothing ticks afterwards and nothing keeps the process alive', () => {
    const tick = vi.fn();
    const timer = new CronTimer('* * * * * *', tick);
    expect(vi.getTimerCount()).toBe(1);
    timer.stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(timer.next).toBeNull();
    vi.advanceTimersByTime(10_000);
    expect(tick).not.toHaveBeenCalled();
  });

  it('stopped from inside its own tick, it is not re-armed', () => {
    const tick = vi.fn();
    const timer = new CronTimer('* * * * * *', () => {
      tick();
      timer.stop();
    });
    vi.advanceTimersByTime(5_000);
    expect(tick).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a tick that throws does not stop the schedule', () => {
    const tick = vi.fn(() => {
      throw new Error('queue closed');
    });
    const timer = new CronTimer('* * * * * *', tick);
    for (let i = 0; i < 3; i++) expect(() => vi.advanceTimersByTime(1_000)).toThrow('queue closed');
    expect(tick).toHaveBeenCalledTimes(3);
    expect(timer.next).toEqual(local(1, 2, 59, 54));
    timer.stop();
  });

  it('an occurrence beyond setTimeout’s 24.8-day limit is reached in hops, on time', () => {
    const ticks: Date[] = [];
    // Midnight on 1 March: 59 days away.
    const timer = new CronTimer('0 0 1 3 *', (at) => ticks.push(at));
    vi.advanceTimersByTime(local(60, 0).getTime() - Date.now() - 1);
    expect(ticks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ticks).toEqual([new Date(2026, 2, 1)]);
    timer.stop();
  });

  it('occurrences missed while the process was suspended collapse into one tick', () => {
    const ticks: Date[] = [];
    const timer = new CronTimer('* * * * * *', (at) => ticks.push(at));
    // The clock jumps 10 s ahead without the timer running (a suspended laptop, a stopped container).
    vi.setSystemTime(Date.now() + 10_000);
    vi.advanceTimersByTime(1_000);
    expect(ticks).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(ticks).toHaveLength(2);
    timer.stop();
  });
});

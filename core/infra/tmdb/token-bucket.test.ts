import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTmdb, syntheticMovies } from '../../../test/support/fake-tmdb.ts';
import { TmdbClient } from './tmdb-client.ts';
import { TokenBucket } from './token-bucket.ts';

/** The most requests seen in any window of `windowMs` (times sorted ascending). */
function busiestWindow(times: readonly number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('TokenBucket', () => {
  it('lets at most burst + rate × T through in any window of T, in arrival order (virtual clock)', async () => {
    let clock = 0;
    const bucket = new TokenBucket({ ratePerSecond: 30, burst: 2, now: () => clock, sleep: async (ms) => void (clock += ms) });
    const passed: { n: number; at: number }[] = [];
    await Promise.all(Array.from({ length: 200 }, (_, n) => bucket.take().then(() => passed.push({ n, at: clock }))));
    expect(passed.map((p) => p.n)).toEqual(Array.from({ length: 200 }, (_, n) => n));
    const times = passed.map((p) => p.at);
    expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(32);
    // Sustained: the 198 after the burst take at least 198/30 s.
    expect(times.at(-1)!).toBeGreaterThanOrEqual((198 / 30) * 1000 - 1);
  });

  it('holds every taker back while paused', async () => {
    let clock = 0;
    const bucket = new TokenBucket({ ratePerSecond: 35, burst: 3, now: () => clock, sleep: async (ms) => void (clock += ms) });
    bucket.pauseUntil(5000);
    expect(bucket.pausedFor()).toBe(5000);
    await bucket.take();
    expect(clock).toBeGreaterThanOrEqual(5000);
    expect(bucket.pausedFor()).toBe(0);
  });

  it('refuses a rate or burst that would never let anything through', () => {
    expect(() => new TokenBucket({ ratePerSecond: 0, burst: 3 })).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerSecond: 35, burst: 0 })).toThrow(RangeError);
  });
});

describe('TmdbClient rate', () => {
  let fake: FakeTmdb;
  beforeEach(async () => {
    fake = new FakeTmdb(syntheticMovies(80, '2026-01-01', '2026-12-31'));
    await fake.start();
  });
  afterEach(() => fake.stop());

  it('with its defaults, 80 requests at once reach TMDB at under 40 per second', async () => {
    const tmdb = new TmdbClient({ apiUrl: fake.apiUrl, apiKey: fake.apiKey });
    const films = await Promise.all(syntheticMovies(80, '2026-01-01', '2026-12-31').map((m) => tmdb.details(m.id)));
    expect(films.every((f) => f !== null)).toBe(true);
    const times = fake.requests.map((r) => r.at).sort((a, b) => a - b);
    expect(fake.requests.every((r) => r.status === 200)).toBe(true);
    expect(busiestWindow(times, 1000)).toBeLessThan(40);
    // Not slower than it needs to be: 2 at once, then 30 a second.
    expect(times.at(-1)! - times[0]!).toBeLessThan((78 / 30) * 1000 + 500);
  });
});

import { describe, expect, it } from 'vitest';
import { PageCache, type Loader } from './page-cache.ts';

function setup(opts: { ttlMs?: number; livenessMs?: number; maxEntries?: number } = {}) {
  let t = 0;
  const cache = new PageCache<string>({ maxEntries: opts.maxEntries ?? 10, ttlMs: opts.ttlMs ?? 1000, livenessMs: opts.livenessMs ?? 100, now: () => t });
  const calls = { load: 0, live: 0 };
  let live = true;
  let version = 1;
  const loader: Loader<string> = {
    load: async () => {
      calls.load++;
      return live ? { value: `v${version}`, tags: ['u:1'] } : null;
    },
    stillLive: async () => {
      calls.live++;
      return live;
    },
  };
  return {
    cache,
    loader,
    calls,
    tick: (ms: number) => (t += ms),
    revoke: () => (live = false),
    bump: () => version++,
  };
}

describe('page cache', () => {
  it('serves from memory synchronously, and renders once for concurrent misses', async () => {
    const s = setup();
    const [a, b] = await Promise.all([s.cache.get('x', s.loader), s.cache.get('x', s.loader)]);
    expect([a, b, s.calls.load]).toEqual(['v1', 'v1', 1]);
    expect(s.cache.get('x', s.loader)).toBe('v1');
    expect(s.cache.hits).toBe(1);
  });

  it('re-checks liveness after the window and drops a revoked page', async () => {
    const s = setup();
    await s.cache.get('x', s.loader);
    s.tick(150);
    expect(await s.cache.get('x', s.loader)).toBe('v1');
    expect(s.calls.live).toBe(1);
    s.tick(150);
    s.revoke();
    expect(await s.cache.get('x', s.loader)).toBeNull();
    expect(s.cache.size).toBe(0);
  });

  it('drops pages by tag at once, and expires them after the TTL', async () => {
    const s = setup();
    await s.cache.get('x', s.loader);
    s.bump();
    s.cache.invalidate('u:1');
    expect(await s.cache.get('x', s.loader)).toBe('v2');
    s.bump();
    s.tick(1001);
    expect(await s.cache.get('x', s.loader)).toBe('v3');
  });

  it('does not store a render that raced an invalidation', async () => {
    const s = setup();
    const pending = s.cache.get('x', s.loader);
    s.cache.invalidate('u:1');
    expect(await pending).toBe('v1');
    expect(s.cache.size).toBe(0);
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const s = setup({ maxEntries: 2 });
    for (const k of ['a', 'b', 'c']) await s.cache.get(k, s.loader);
    expect(s.cache.size).toBe(2);
    s.calls.load = 0;
    await s.cache.get('a', s.loader);
    expect(s.calls.load).toBe(1);
  });
});

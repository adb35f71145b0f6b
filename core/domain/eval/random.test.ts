import { describe, expect, it } from 'vitest';
import { mulberry32, sample, shuffled, streamFor } from './random.ts';

const draw = (random: () => number, n = 4) => Array.from({ length: n }, random);

describe('seeded streams', () => {
  it('repeat for the same seed and name', () => {
    expect(draw(mulberry32(9))).toEqual(draw(mulberry32(9)));
    expect(draw(streamFor(1, 'sg', 5))).toEqual(draw(streamFor(1, 'sg', 5)));
  });

  it('differ between seeds, names and users (no collisions between nearby seeds)', () => {
    const streams = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      for (const name of ['sg', 'likes3', 'folds']) {
        for (let user = 0; user < 20; user++) streams.add(draw(streamFor(seed, name, user), 2).join());
      }
    }
    expect(streams.size).toBe(20 * 3 * 20);
  });

  it('give values in [0, 1)', () => {
    const values = draw(mulberry32(1), 1000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});

describe('sample and shuffled', () => {
  const items = Array.from({ length: 30 }, (_, i) => i);

  it('draw distinct items, never more than there are', () => {
    const picked = sample(items, 10, mulberry32(2));
    expect(new Set(picked).size).toBe(10);
    expect(sample(items, 50, mulberry32(2))).toHaveLength(30);
  });

  it('shuffle a copy, keeping every item', () => {
    const out = shuffled(items, mulberry32(3));
    expect(out).not.toEqual(items);
    expect([...out].sort((a, b) => a - b)).toEqual(items);
  });
});

import { describe, expect, it } from 'vitest';
import { ndcgAt, recallAt } from './metrics.ts';
import { ids } from './synthetic-data.ts';

const log2 = Math.log2;

describe('recallAt', () => {
  it('is hits over min(k, #targets)', () => {
    expect(recallAt([1, 2, 3, 4], new Set([2, 4, 9]), 20)).toBeCloseTo(2 / 3);
    // 30 targets, 20 of them listed: recall is 20 / min(20, 30) = 1.
    expect(recallAt(ids(1, 20), new Set(ids(1, 30)), 20)).toBe(1);
    expect(recallAt(ids(1, 20), new Set(ids(11, 30)), 20)).toBe(0.5);
  });

  it('only reads the top k, counts a repeated movie once, and is 0 without targets', () => {
    expect(recallAt([...ids(100, 20), 1], new Set([1]), 20)).toBe(0);
    expect(recallAt([1, 1, 2], new Set([1, 5]), 20)).toBe(0.5);
    expect(recallAt([1, 2], new Set(), 20)).toBe(0);
  });
});

describe('ndcgAt', () => {
  it('matches hand-computed cases', () => {
    // Hits at ranks 0 and 2; ideal: two hits at ranks 0 and 1.
    expect(ndcgAt([1, 2, 3], new Set([1, 3]), 20)).toBeCloseTo((1 + 1 / log2(4)) / (1 + 1 / log2(3)), 12);
    // One hit at rank 1 of three targets: ideal is three hits on top.
    expect(ndcgAt([7, 5, 8], new Set([5, 6, 9]), 20)).toBeCloseTo(1 / log2(3) / (1 + 1 / log2(3) + 1 / log2(4)), 12);
    expect(ndcgAt([5, 6, 9], new Set([5, 6, 9]), 20)).toBeCloseTo(1, 12);
    expect(ndcgAt([1, 2], new Set([3]), 20)).toBe(0);
  });

  it('takes the ideal over min(k, #targets): 20 hits of 30 targets is perfect', () => {
    expect(ndcgAt(ids(1, 20), new Set(ids(1, 30)), 20)).toBeCloseTo(1, 12);
    // The same hits at k = 10 with one miss in front.
    const list = [999, ...ids(1, 9)];
    let dcg = 0;
    for (let r = 1; r < 10; r++) dcg += 1 / log2(r + 2);
    let idcg = 0;
    for (let r = 0; r < 10; r++) idcg += 1 / log2(r + 2);
    expect(ndcgAt(list, new Set(ids(1, 30)), 10)).toBeCloseTo(dcg / idcg, 12);
  });

  it('ignores ranks past k, scores a repeat once at its first rank, and is 0 without targets', () => {
    expect(ndcgAt([...ids(100, 20), 1], new Set([1]), 20)).toBe(0);
    expect(ndcgAt([2, 1, 1], new Set([1]), 20)).toBeCloseTo(1 / log2(3), 12);
    expect(ndcgAt([1], new Set(), 20)).toBe(0);
  });
});

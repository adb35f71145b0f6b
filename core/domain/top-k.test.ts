import { describe, expect, it } from 'vitest';
import { bestIndices, TopK, topK } from './top-k.ts';

/** The reference: every index sorted by score, then index. */
const sorted = (scores: ArrayLike<number>, k: number) => [...Array.from(scores).keys()].sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, k);

let seed = 5;
const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

describe('bestIndices (the scan index shortlists)', () => {
  it('picks the k largest, best first, ties in index order, whatever the spread of scores', () => {
    const spreads = [
      (n: number) => Int32Array.from({ length: n }, () => Math.floor((rnd() - 0.5) * 2 ** 31)), // wide
      (n: number) => Int32Array.from({ length: n }, () => Math.floor(rnd() * 5)), // five values: hundreds of ties
      (n: number) => Int32Array.from({ length: n }, (_, i) => (i < n - 3 ? 0 : 1)), // the best few at the end
      (n: number) => Int32Array.from({ length: n }, (_, i) => i), // ascending: every score beats the kept ones
      (n: number) => new Int32Array(n).fill(-7), // all equal
    ];
    for (const spread of spreads) {
      for (const n of [1, 100, 9_742]) {
        const scores = spread(n);
        for (const k of [1, 10, 210, n, n + 5]) expect([...bestIndices(scores, n, k)], `n ${n}, k ${k}`).toEqual(sorted(scores, k));
      }
    }
  });

  it('reads only the first n scores and returns nothing for k ≤ 0', () => {
    const scores = Int32Array.from([1, 2, 3, 99, 98]);
    expect([...bestIndices(scores, 3, 5)]).toEqual([2, 1, 0]);
    expect(bestIndices(scores, 3, 0)).toHaveLength(0);
    expect(bestIndices(scores, 3, -1)).toHaveLength(0);
  });
});

describe('topK (the recommender picks)', () => {
  it('picks the k best, best first, ties in index order, never an excluded index or NaN', () => {
    const scores = Float32Array.from([0.5, NaN, 2, 0.5, 7, 2, -1, 7]);
    expect(topK(scores, 4, new Set())).toEqual([
      { index: 4, score: 7 },
      { index: 7, score: 7 },
      { index: 2, score: 2 },
      { index: 5, score: 2 },
    ]);
    expect(topK(scores, 3, new Set([4, 2])).map((p) => p.index)).toEqual([7, 5, 0]);
    expect(topK(scores, 20, new Set()).map((p) => p.index)).toEqual([4, 7, 2, 5, 0, 3, 6]);
    expect(topK(scores, 0, new Set())).toEqual([]);
  });

  it('fills with −∞ entries, lowest index first, when fewer scores are finite', () => {
    const scores = Float32Array.from([-Infinity, 3, -Infinity, -Infinity]);
    expect(topK(scores, 3, new Set([0]))).toEqual([
      { index: 1, score: 3 },
      { index: 2, score: -Infinity },
      { index: 3, score: -Infinity },
    ]);
  });

  it('gives a full scan’s answer when `among` holds the only finite scores', () => {
    for (let trial = 0; trial < 50; trial++) {
      const scores = new Float32Array(500).fill(-Infinity);
      const among = [...new Set(Array.from({ length: 40 }, () => Math.floor(rnd() * 500)))].sort((a, b) => a - b);
      for (const i of among) scores[i] = Math.round(rnd() * 8); // few values: ties
      const excluded = new Set(among.filter(() => rnd() < 0.2));
      const full = topK(scores, 10, excluded);
      expect(topK(scores, 10, excluded, among)).toEqual(full);
      expect(full.map((p) => p.index)).toEqual(
        sorted(
          Float32Array.from(scores, (s, i) => (excluded.has(i) ? -Infinity : s)),
          10,
        ),
      );
    }
  });
});

describe('TopK (title search, offered in any order)', () => {
  it('keeps the k best of candidates offered in any order, ties to the lower index', () => {
    const scores = Array.from({ length: 300 }, () => Math.floor(rnd() * 20));
    const order = [...scores.keys()].sort(() => rnd() - 0.5);
    const top = new TopK(25);
    for (const i of order) top.offer(i, scores[i]!);
    const want = sorted(scores, 25);
    expect(top.sorted()).toEqual(want.map((index) => ({ index, score: scores[index] })));
  });

  it('accepts a candidate only while it would be kept', () => {
    const top = new TopK(2);
    expect(top.accepts(-Infinity, 9)).toBe(true);
    top.offer(5, 10);
    top.offer(3, 4);
    expect(top.accepts(4, 2)).toBe(true); // the same score at a lower index wins the tie
    expect(top.accepts(4, 3)).toBe(false);
    expect(top.accepts(4, 7)).toBe(false);
    expect(top.accepts(4.5, 7)).toBe(true);
    top.offer(7, 4.5);
    expect(top.sorted()).toEqual([
      { index: 5, score: 10 },
      { index: 7, score: 4.5 },
    ]);
  });

  it('keeps nothing when k is 0', () => {
    const top = new TopK(0);
    expect(top.accepts(100, 0)).toBe(false);
    top.offer(0, 100);
    expect(top.sorted()).toEqual([]);
  });
});

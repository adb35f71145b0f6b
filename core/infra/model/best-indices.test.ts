import { expect, it } from 'vitest';
import { bestIndices } from './best-indices.ts';

/** The reference: every index sorted by score, then index. */
const sorted = (scores: Int32Array, k: number) => [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, k);

it('picks the k largest, best first, ties in index order, whatever the spread of scores', () => {
  let seed = 5;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const spreads = [
    (n: number) => Int32Array.from({ length: n }, () => Math.floor((rnd() - 0.5) * 2 ** 31)), // wide: the sample's bar holds
    (n: number) => Int32Array.from({ length: n }, () => Math.floor(rnd() * 5)), // five values: the bar ties with hundreds
    (n: number) => Int32Array.from({ length: n }, (_, i) => (i < n - 3 ? 0 : 1)), // the best few at the end, unsampled: lower bars
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

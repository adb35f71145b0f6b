import { describe, expect, it } from 'vitest';
import { EaseRecommender } from '../../domain/recommender/ease-recommender.ts';
import { DEFAULT_SERVING } from '../../domain/recommender/serving-params.ts';
import { factorsLikeTrained, sampledProfiles } from '../../domain/recommender/testing/trained-like.ts';
import { BruteForceIndex } from '../../domain/recommender/vector-index.ts';
import { ScanIndex } from './scan-index.ts';

function random(seed: number) {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647 - 0.5;
}

function vectors(items: number, dims: number, seed = 1): Float32Array {
  const rnd = random(seed);
  // Falling scales, like eigen-directions: the leading coordinates carry most of a score.
  return Float32Array.from({ length: items * dims }, (_, p) => rnd() / (1 + (p % dims) / 8));
}

/** Exact scores in float64, best first, ties by index. */
function exact(v: Float32Array, dims: number, q: Float32Array, k: number): number[] {
  const n = v.length / dims;
  const s = Array.from({ length: n }, (_, i) => q.reduce((a, x, j) => a + x * v[i * dims + j]!, 0));
  return [...s.keys()].sort((a, b) => s[b]! - s[a]! || a - b).slice(0, k);
}

describe('ScanIndex', () => {
  const dims = 37; // not a multiple of 8: rows are padded
  const items = 1_001; // not a multiple of 4: the padding rows are never returned
  const v = vectors(items, dims);
  const index = new ScanIndex(v, dims);
  const rnd = random(7);
  const queries = Array.from({ length: 70 }, () => Float32Array.from({ length: dims }, () => rnd()));

  it('finds the exact top k but for near-ties (≥ 99.5% of them), best first', () => {
    let found = 0;
    for (const q of queries) {
      const got = [...index.search(q, 50)];
      const want = exact(v, dims, q, 50);
      expect(got[0]).toBe(want[0]);
      expect(new Set(got).size).toBe(50);
      found += got.filter((i) => want.includes(i)).length;
    }
    expect(found / (50 * queries.length)).toBeGreaterThanOrEqual(0.995);
  });

  it('gives a query the same items alone and in batches of any size', () => {
    const alone = queries.map((q) => index.search(q, 30));
    // 70 queries: a full pass of 64, then 6 (one block of four, two single rows); and a batch of 3 (singles only).
    expect(
      index.searchMany(
        queries,
        queries.map(() => 30),
      ),
    ).toEqual(alone);
    expect(index.searchMany(queries.slice(5, 8), [30, 30, 30])).toEqual(alone.slice(5, 8));
    expect(index.searchMany(queries.slice(0, 2), [1, 60])).toEqual([index.search(queries[0]!, 1), index.search(queries[1]!, 60)]);
    expect(index.searchMany([], [])).toEqual([]);
  });

  it('returns every item when k exceeds the catalog, none for k = 0', () => {
    const all = [...index.search(queries[0]!, items + 10)];
    expect(all).toHaveLength(items);
    expect(new Set(all).size).toBe(items);
    expect(Math.max(...all)).toBe(items - 1);
    expect(index.search(queries[0]!, 0)).toHaveLength(0);
  });

  it('breaks ties by item order, and answers a zero or non-finite query without failing', () => {
    const twins = new ScanIndex(Float32Array.from([1, 0, 0, 1, 1, 0, 1, 0, 0, 1]), 2);
    expect([...twins.search(Float32Array.from([1, 0]), 5)]).toEqual([0, 2, 3, 1, 4]);
    expect([...twins.search(Float32Array.from([0, 0]), 3)]).toEqual([0, 1, 2]);
    expect([...twins.search(Float32Array.from([Number.NaN, 1]), 2)]).toEqual([1, 4]);
  });

  it('agrees with an exact scan where quantization is exact, even at the edge of int32 (1,024 dimensions)', () => {
    const wide = 1_024;
    const rndSign = random(3);
    const signs = Float32Array.from({ length: 200 * wide }, () => (rndSign() < 0 ? -1 : 1));
    // One item all +1: its score, 1,024 · 4,095 · 511, is within 0.3% of int32's largest.
    signs.fill(1, 77 * wide, 78 * wide);
    const q = new Float32Array(wide).fill(1);
    const got = [...new ScanIndex(signs, wide).search(q, 200)];
    expect(got[0]).toBe(77);
    expect(got).toEqual(
      [...new BruteForceIndex(signs, wide).search(q, 200)].sort((a, b) => {
        const score = (i: number) => signs.subarray(i * wide, (i + 1) * wide).reduce((s, x) => s + x, 0);
        return score(b) - score(a) || a - b;
      }),
    );
  });

  it('refuses vectors that are not whole rows', () => {
    expect(() => new ScanIndex(new Float32Array(10), 3)).toThrow(/rows of 3/);
  });

  it("serves a recommender: ready lists in a batch are each person's own answer, and near the exact-shortlist one", () => {
    const factors = factorsLikeTrained();
    const people = sampledProfiles(300, factors.itemIds.length);
    const scanned = new EaseRecommender(factors, DEFAULT_SERVING);
    const { vectors: indexed, dimensions } = scanned.indexVectors();
    scanned.attachIndex(new ScanIndex(indexed, dimensions));
    const lists = scanned.recommendMany(people, 50);
    expect(lists).toEqual(people.map((p) => scanned.recommend(p, 50)));
    const exact = new EaseRecommender(factors, DEFAULT_SERVING);
    exact.attachIndex(new BruteForceIndex(indexed, dimensions));
    let same = 0;
    people.forEach((p, n) => {
      const want = new Set(exact.recommend(p, 50).map((r) => r.movieId));
      same += lists[n]!.filter((r) => want.has(r.movieId)).length / Math.max(1, want.size);
    });
    expect(same / people.length).toBeGreaterThanOrEqual(0.999);
  });
});

import { describe, expect, it } from 'vitest';
import { JsDotKernel } from '../../domain/recommender/dot-kernel.ts';
import { EaseRecommender } from '../../domain/recommender/ease-recommender.ts';
import { DEFAULT_SERVING } from '../../domain/recommender/serving-params.ts';
import { factorsLikeTrained, sampledProfiles } from '../../domain/recommender/testing/trained-like.ts';
import { ScanIndex } from './scan-index.ts';
import { WasmDotKernel } from './wasm-dot-kernel.ts';

const random = (seed: number) => () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;

describe('WasmDotKernel', () => {
  const items = 301;
  const stride = 68;
  const rnd = random(3);
  const wasm = new WasmDotKernel(items, stride);
  for (let p = 0; p < wasm.vectors.length; p++) wasm.vectors[p] = rnd() * (1 + (p % 7));
  const js = new JsDotKernel(items, stride, Float32Array.from(wasm.vectors));
  const q = Float64Array.from({ length: stride }, () => rnd() * 1e3);

  it('accumulates the same sums as the JS reference, to the bit, for any rows, count and range', () => {
    wasm.useQuery(q);
    js.useQuery(q);
    const rows = Int32Array.from({ length: 150 }, () => Math.floor((rnd() + 0.5) * items));
    for (const [count, from, to] of [
      [150, 0, stride],
      [149, 0, 32],
      [1, 32, stride],
      [0, 0, stride],
      [7, 4, 8],
    ] as const) {
      const start = Float64Array.from({ length: count * 4 }, () => rnd());
      const a = Float64Array.from(start);
      const b = Float64Array.from(start);
      wasm.accumulate(rows, count, from, to, a);
      js.accumulate(rows, count, from, to, b);
      expect([...a], `${count} rows, ${from}–${to}`).toEqual([...b]);
    }
  });

  it('explains like bestLike: the same like and sum for each pick, ties to the earlier like, none without likes', () => {
    for (const dims of [64, 37, 3]) {
      const likes = 9;
      const weighted = Float64Array.from({ length: likes * dims }, () => rnd());
      weighted.copyWithin(5 * dims, 2 * dims, 3 * dims); // like 5 ties like 2: like 2 wins
      const picks = Array.from({ length: 40 }, () => Math.floor((rnd() + 0.5) * items));
      expect(wasm.bestLikes(picks, weighted, likes, dims), `dims ${dims}`).toEqual(js.bestLikes(picks, weighted, likes, dims));
    }
    const none = wasm.bestLikes([1, 2], new Float64Array(0), 0, 16);
    expect([...none.like]).toEqual([-1, -1]);
    expect([...none.score]).toEqual([-Infinity, -Infinity]);
  });

  it('explains a profile too long for its memory in JS, with the same answer', () => {
    const dims = stride;
    const likes = 600; // over the 512 liked vectors it keeps room for
    const weighted = Float64Array.from({ length: likes * dims }, () => rnd());
    const picks = [0, 17, 300];
    expect(wasm.bestLikes(picks, weighted, likes, dims)).toEqual(js.bestLikes(picks, weighted, likes, dims));
  });

  it("serves a model: the worker's batch lists equal recommend's, movies, scores and explanations", () => {
    const factors = factorsLikeTrained();
    const people = sampledProfiles(300, factors.itemIds.length);
    const model = new EaseRecommender(factors, DEFAULT_SERVING, (n, s) => new WasmDotKernel(n, s));
    const { vectors, dimensions } = model.indexVectors();
    model.attachIndex(new ScanIndex(vectors, dimensions));
    for (const k of [50, 10]) expect(model.recommendMany(people, k)).toEqual(people.map((p) => model.recommend(p, k)));
  });
});

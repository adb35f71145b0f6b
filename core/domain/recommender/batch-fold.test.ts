import { describe, expect, it } from 'vitest';
import { EaseRecommender } from './ease-recommender.ts';
import type { EaseFactors } from './ease-factors.ts';
import { DEFAULT_SERVING } from './serving-params.ts';
import type { TasteProfile } from './types.ts';
import { BruteForceIndex } from './vector-index.ts';

const random = (seed: number) => () => (seed = (seed * 16807) % 2147483647) / 2147483647;

/**
 * Factors shaped like a trained model's, with more directions (700) than the
 * pruned fold scores before bounding the rest (512), so the bound decides:
 * eigenvalues falling off, near-orthogonal item vectors.
 */
function factorsLikeTrained(items = 1000, rank = 700): EaseFactors {
  const r = random(7);
  const gaussian = () => Math.sqrt(-2 * Math.log(r() || 1e-12)) * Math.cos(2 * Math.PI * r());
  return {
    itemIds: Int32Array.from({ length: items }, (_, i) => 1 + i),
    rank,
    vectors: Float32Array.from({ length: items * rank }, () => gaussian() / Math.sqrt(items)),
    values: Float64Array.from({ length: rank }, (_, j) => 20_000 * Math.exp(-j / 90)),
    popularity: Float32Array.from({ length: items }, () => Math.floor(r() ** 3 * 300)),
    itemScale: Float32Array.from({ length: items }, () => 0.5 + r()),
  };
}

function profiles(count: number, items: number): TasteProfile[] {
  const r = random(11);
  const some = (n: number) => Array.from({ length: n }, () => 1 + Math.floor(r() * items));
  return [
    ...Array.from({ length: count }, (_, i) => ({
      likes: some(1 + Math.floor(r() ** 2 * 30)),
      dislikes: some(Math.floor(r() * 4)),
      ...(i % 5 === 0 ? { seen: some(5) } : {}),
    })),
    { likes: [] },
    { likes: [], dislikes: [3] },
    { likes: [123_456] },
  ];
}

describe('ready lists for many people at once (recommendMany)', () => {
  const factors = factorsLikeTrained();
  const people = profiles(300, factors.itemIds.length);
  const indexed = (serving = DEFAULT_SERVING) => {
    const model = new EaseRecommender(factors, serving);
    const { vectors, dimensions } = model.indexVectors();
    model.attachIndex(new BruteForceIndex(vectors, dimensions));
    return model;
  };

  it('answers each person exactly as recommend does: the same movies, scores and explanations', () => {
    const model = indexed();
    for (const k of [50, 10]) {
      expect(model.recommendMany(people, k)).toEqual(people.map((p) => model.recommend(p, k)));
    }
  });

  it('answers the same with a popularity prior and without an index (both score the plain way)', () => {
    const withPrior = indexed({ ...DEFAULT_SERVING, popularityWeight: 0.2 });
    expect(withPrior.recommendMany(people.slice(0, 40), 50)).toEqual(people.slice(0, 40).map((p) => withPrior.recommend(p, 50)));
    const exact = new EaseRecommender(factors, DEFAULT_SERVING);
    expect(exact.recommendMany(people.slice(0, 40), 50)).toEqual(people.slice(0, 40).map((p) => exact.recommend(p, 50)));
  });
});

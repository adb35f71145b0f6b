import type { EaseFactors } from '../ease-factors.ts';
import type { TasteProfile } from '../types.ts';

const random = (seed: number) => () => (seed = (seed * 16807) % 2147483647) / 2147483647;

/**
 * Factors shaped like a trained model's, with more directions (700) than the
 * pruned fold scores before bounding the rest (512), so the bound decides:
 * eigenvalues falling off, near-orthogonal item vectors.
 */
export function factorsLikeTrained(items = 1000, rank = 700): EaseFactors {
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

/** Profiles of 1–30 likes, some 👎 and seen movies, and three edge cases: nothing liked, only a 👎, an unknown movie. */
export function sampledProfiles(count: number, items: number): TasteProfile[] {
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

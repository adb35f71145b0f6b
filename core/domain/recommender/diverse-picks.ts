import { shrinkage } from './ease-factors.ts';
import { INDEX_LAMBDA, type ServingModel } from './serving-model.ts';

/**
 * Two items at least this similar are near-duplicates: sequels and parts of
 * one series, which the same people watch together. Set on ml-latest-small so
 * that series are caught and films merely of one genre are not.
 */
export const NEAR_DUPLICATE = 0.5;

/**
 * The first k of `ranked` (best first) that are not near-duplicates of one
 * kept before them, so that a short list is a real choice rather than five
 * parts of one series; the skipped fill the list, in order, if too few remain.
 * Similarity is the cosine of two items' vectors over the leading
 * eigen-directions, each shrunk as at the index λ: the co-watching that EASE's
 * item-item weights are made of. Costs about k × ranked × indexDimensions.
 */
export function diversePicks<T extends { index: number }>(model: ServingModel, ranked: readonly T[], k: number): T[] {
  const dims = model.indexDimensions;
  const shrink = shrinkage(model.factors.values, INDEX_LAMBDA, dims);
  const vectorOf = (row: number): Float64Array => {
    const v = new Float64Array(dims);
    let length = 0;
    for (let j = 0; j < dims; j++) {
      v[j] = model.vectors[row * model.stride + j]! * Math.sqrt(shrink[j]!);
      length += v[j]! ** 2;
    }
    const norm = Math.sqrt(length) || 1;
    for (let j = 0; j < dims; j++) v[j] = v[j]! / norm;
    return v;
  };
  const kept: { pick: T; v: Float64Array }[] = [];
  const skipped: T[] = [];
  for (const pick of ranked) {
    if (kept.length === k) break;
    const v = vectorOf(pick.index);
    if (kept.some((other) => cosine(v, other.v) >= NEAR_DUPLICATE)) skipped.push(pick);
    else kept.push({ pick, v });
  }
  return [...kept.map(({ pick }) => pick), ...skipped].slice(0, k);
}

function cosine(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j]! * b[j]!;
  return s;
}

import { LAMBDA_GRID, shrinkage } from './ease-factors.ts';
import type { Explainable } from './explain.ts';
import type { ServingModel } from './serving-model.ts';
import { discoverBias } from './discover.ts';
import type { RecommendMode, TasteProfile } from './types.ts';

/**
 * A profile folded into the eigen-space at its own λ, no item scored yet:
 * item k scores q·V_k / (norm_g[k]·s_k).
 */
export interface FoldedProfile extends Explainable {
  /** Σ likes − 👎 in the eigen-space, each direction shrunk at λ grid point `g` (stride long). */
  q: Float64Array;
  /** The λ grid point of this profile's λ. */
  g: number;
  dislikes: number[];
  mode: RecommendMode;
}

/** A folded profile with its scores. */
export interface ScoredProfile extends Explainable {
  /** Item row → EASE score (higher is better); −∞ for rows not scored. */
  scores: Float32Array;
}

/**
 * The profile as a query: its likes summed (each weighted by its column scale
 * and discounted by its popularity) and shrunk at the λ its size asks for,
 * minus its 👎 summed and shrunk at a λ at least `dislikeLambda`. Null for a
 * profile with no movie the model knows. `discover` caps λ and discounts
 * popular likes more (see {@link DiscoverParams}).
 */
export function foldIn(model: ServingModel, profile: TasteProfile, mode: RecommendMode = 'default'): FoldedProfile | null {
  const likes = model.rowsOf(profile.likes);
  const dislikes = model.rowsOf(profile.dislikes ?? []);
  if (likes.length === 0 && dislikes.length === 0) return null;
  const { factors, params, rank } = model;
  const discover = mode === 'discover' ? model.discover : undefined;
  const g = model.lambdaPoint(profile, likes.length, discover?.lambdaCap);
  const lambda = LAMBDA_GRID[g]!; // g is a grid point
  const likeShrinkage = shrinkage(factors.values, lambda, rank);
  const dislikeShrinkage = shrinkage(factors.values, Math.max(params.dislikeLambda, lambda), rank);
  const liked = sumOfRows(model, likes, 1, discover?.likePopularityDiscount ?? params.likePopularityDiscount);
  const disliked = sumOfRows(model, dislikes, params.dislikeWeight, 0);
  const q = new Float64Array(model.stride);
  for (let j = 0; j < rank; j++) q[j] = liked[j]! * likeShrinkage[j]! - disliked[j]! * dislikeShrinkage[j]!;
  return { q, g, likes, dislikes, shrink: likeShrinkage, mode };
}

/** Σ weight · s_i · (1 + positives_i)^−discount · V_i over the given rows, at serving rank. */
function sumOfRows(model: ServingModel, rows: readonly number[], weight: number, discount: number): Float64Array {
  const { vectors, stride, rank, factors } = model;
  const sum = new Float64Array(rank);
  for (const row of rows) {
    const rowWeight = weight * factors.itemScale[row]! * (1 + factors.popularity[row]!) ** -discount;
    for (let j = 0, p = row * stride; j < rank; j++, p++) sum[j] = sum[j]! + rowWeight * vectors[p]!;
  }
  return sum;
}

/**
 * Scores the `candidates` rows (the index's shortlist, or every row) of a
 * folded profile; the others stay −∞. With a popularity prior, or for a
 * discover list, each score is divided by the largest |score| and the prior
 * (discover's bias, {@link discoverBias}) added.
 */
export function scoreFolded(model: ServingModel, folded: FoldedProfile, candidates: Int32Array): ScoredProfile {
  const { kernel, items, stride, factors, params } = model;
  const { q, g, likes, shrink } = folded;
  const norms = model.norms.subarray(g * items, g * items + items);
  const scale = factors.itemScale;
  const scores = new Float32Array(items).fill(-Infinity);
  const count = candidates.length;
  const sums = new Float64Array(count * 4);
  kernel.useQuery(q);
  kernel.accumulate(candidates, count, 0, stride, sums);
  let largest = 0;
  for (let c = 0; c < count; c++) {
    const row = candidates[c]!;
    const score = (sums[4 * c]! + sums[4 * c + 1]! + sums[4 * c + 2]! + sums[4 * c + 3]!) / (norms[row]! * scale[row]!);
    scores[row] = score;
    if (Math.abs(score) > largest) largest = Math.abs(score);
  }
  const discover = folded.mode === 'discover';
  const prior = params.popularityWeight;
  if ((discover || prior !== 0) && largest > 0) {
    for (let row = 0; row < items; row++) {
      if (scores[row] === -Infinity) continue;
      const bias = discover ? discoverBias(model, row) : prior * model.logPopularity[row]!;
      scores[row] = scores[row]! / largest + bias;
    }
  }
  return { scores, likes, shrink };
}

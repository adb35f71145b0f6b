import { bestLike } from './dot-product.ts';
import type { ServingModel } from './serving-model.ts';

/** What an explanation needs of a folded-in profile. */
export interface Explainable {
  /** Item rows of the profile's likes. */
  likes: number[];
  /** Each direction's shrinkage at the profile's λ: q before dividing by the normaliser, per like. */
  shrink: Float32Array;
  /** likes × dims: each liked vector times `shrink`, made once for all the explanations of an answer. */
  weighted?: Float64Array;
}

/**
 * The favourite an item most follows from: the like, among every profile's,
 * whose shrunk vector has the largest inner product with the item's, over the
 * leading {@link ServingModel.indexDimensions} directions (they carry the
 * similarity; all of them would cost likes × k × rank per answer). Null when
 * no profile has a like.
 */
export function favouriteBehind(model: ServingModel, row: number, profiles: readonly Explainable[]): number | null {
  const { vectors, stride, indexDimensions: dims } = model;
  let bestScore = -Infinity;
  let bestRow = -1;
  for (const profile of profiles) {
    const weighted = (profile.weighted ??= weightedLikes(model, profile));
    const { like, score } = bestLike(weighted, profile.likes, vectors, row * stride, dims);
    if (score > bestScore) {
      bestScore = score;
      bestRow = like;
    }
  }
  return bestRow < 0 ? null : model.movieId(bestRow);
}

/** likes × indexDimensions: each liked vector times the profile's shrinkage. */
export function weightedLikes(model: ServingModel, profile: Explainable): Float64Array {
  const { vectors, stride, indexDimensions: dims } = model;
  const { likes, shrink } = profile;
  const weighted = new Float64Array(likes.length * dims);
  likes.forEach((row, l) => {
    for (let j = 0; j < dims; j++) weighted[l * dims + j] = vectors[row * stride + j]! * shrink[j]!;
  });
  return weighted;
}

/** How a trained model folds a profile in; tuned by bench:quality, stored in the manifest. */
export interface ServingParams {
  /** λ for a profile with 3 likes (few likes need strong regularisation). */
  lambdaFew: number;
  /** λ for a profile with `manyLikes` likes or more. */
  lambdaMany: number;
  manyLikes: number;
  /** Weight of a 👎 relative to a like: pushes similar movies down, not only the one. */
  dislikeWeight: number;
  /** Weight of a popularity prior added to normalised scores (0 = none). */
  popularityWeight: number;
  /** Eigen-directions used at serving (≤ the model's rank): fewer is faster. */
  servingRank: number;
  /** Average without misery: an item any member scores below this (z-score) is left out. */
  miseryThreshold: number;
}

export const DEFAULT_SERVING: ServingParams = {
  lambdaFew: 12800,
  lambdaMany: 200,
  manyLikes: 40,
  dislikeWeight: 0.5,
  popularityWeight: 0,
  servingRank: 256,
  miseryThreshold: -0.5,
};

/** λ for a profile with n likes: log-linear between lambdaFew (n ≤ 3) and lambdaMany. */
export function lambdaFor(n: number, p: ServingParams): number {
  if (n <= 3) return p.lambdaFew;
  if (n >= p.manyLikes) return p.lambdaMany;
  const t = Math.log(n / 3) / Math.log(p.manyLikes / 3);
  return Math.exp(Math.log(p.lambdaFew) * (1 - t) + Math.log(p.lambdaMany) * t);
}

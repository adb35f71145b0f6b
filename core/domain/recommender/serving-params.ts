import type { DiscoverParams } from './discover-params.ts';

/** How a trained model folds a profile in; tuned by bench:quality, stored in the manifest. */
export interface ServingParams {
  /**
   * λ by how much a profile holds ([n, λ] knots, n ascending, log-linear
   * between them): few likes need strong regularisation (popular picks),
   * many likes little. n counts likes plus `seenWeight` per seen movie.
   */
  lambdaKnots: [number, number][];
  /**
   * How much a seen movie counts towards a profile's size. Seen is not a
   * like: a watch history of mostly middling films would otherwise lower λ
   * as if the person had said far more (bench:quality's seen-signal row).
   */
  seenWeight: number;
  /** Weight of a 👎 relative to a like: pushes similar movies down, not only the one. */
  dislikeWeight: number;
  /**
   * λ a 👎 is folded in with. At a large λ EASE's weights tend to plain
   * co-occurrence, which is never negative, so a dislike lowers every movie
   * liked alongside it; a small λ's sharp regression weights could raise some.
   */
  dislikeLambda: number;
  /** Weight of a popularity prior added to normalised scores (0 = none). */
  popularityWeight: number;
  /** Eigen-directions used to score (≤ the model's rank). */
  servingRank: number;
  /** Eigen-directions of the shortlist index: the leading ones carry most of a score. */
  indexRank: number;
  /** Average without misery: an item any member scores below this (z-score) is left out. */
  miseryThreshold: number;
  /** A like weighs (1 + positives)^-β: a popular favourite says less about a taste than a rare one. */
  likePopularityDiscount: number;
  /**
   * Power of EASE's per-item normaliser 1/P_kk: 1 is EASE (zero-diagonal
   * constraint), 0 the unconstrained (DLAE) form, between them a blend.
   */
  normaliserPower: number;
  /** How a `discover` list differs (DEFAULT_DISCOVER when absent, as in a model saved before the mode existed). */
  discover?: DiscoverParams;
}

/** Tuned with bench:quality on ml-latest-small (see the README's figures). */
export const DEFAULT_SERVING: ServingParams = {
  lambdaKnots: [
    [3, 12800],
    [6, 400],
    [30, 141],
    [150, 400],
  ],
  seenWeight: 0.5,
  dislikeWeight: 0.3,
  dislikeLambda: 6400,
  popularityWeight: 0,
  servingRank: 1024,
  indexRank: 256,
  miseryThreshold: -2,
  normaliserPower: 0.75,
  likePopularityDiscount: 0.05,
};

/** λ for a profile of size n, log-linear between the knots. */
export function lambdaFor(n: number, p: ServingParams): number {
  const knots = p.lambdaKnots;
  if (n <= knots[0]![0]) return knots[0]![1];
  for (let i = 1; i < knots.length; i++) {
    const [n1, l1] = knots[i]!;
    if (n <= n1) {
      const [n0, l0] = knots[i - 1]!;
      const t = Math.log(n / n0) / Math.log(n1 / n0);
      return Math.exp(Math.log(l0) * (1 - t) + Math.log(l1) * t);
    }
  }
  return knots[knots.length - 1]![1];
}

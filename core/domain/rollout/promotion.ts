/**
 * Whether a retrained model replaces the one being served: only if it is
 * not worse at finding the held-out positives. Worse means either more than
 * the margin (2%) below the current NDCG@20, or below it on the held-out
 * users beyond noise (a paired one-sided test at 95%: the per-user
 * differences are consistently negative). A retrain that adds a little
 * community feedback and moves a few users' lists either way is promoted; a
 * broken model or a small but consistent regression is not.
 */
import { HOLDOUT_SCHEME, type SliceScore } from './holdout.ts';

/** The share of the current score a candidate may be below it at most, if that is noise. */
export const PROMOTION_TOLERANCE = 0.02;
/** One-sided 95%. */
const Z = 1.645;

export interface CurrentModelScore {
  score: SliceScore;
  /** The holdout scheme the current model was trained under (its registry metrics); undefined if unknown. */
  holdoutScheme: number | undefined;
}

export interface PromotionDecision {
  promote: boolean;
  reason: string;
}

export function decidePromotion(candidate: SliceScore, current: CurrentModelScore | null, tolerance = PROMOTION_TOLERANCE): PromotionDecision {
  if (candidate.users === 0 || !(candidate.ndcg20 > 0)) {
    return { promote: false, reason: `the candidate finds none of the held-out positives (${candidate.users} users)` };
  }
  if (!current) return { promote: true, reason: 'no model is being served yet' };
  const figures = `NDCG@20 ${candidate.ndcg20.toFixed(4)} vs ${current.score.ndcg20.toFixed(4)} now`;
  if (current.holdoutScheme !== HOLDOUT_SCHEME) {
    // It may have learned the very ratings it is asked to find: its score is no fair bar.
    return { promote: true, reason: `the current model was not trained without this held-out slice (${figures})` };
  }
  const { mean, se } = pairedDifference(candidate.perUser, current.score.perUser);
  const bar = current.score.ndcg20 * (1 - tolerance);
  const judged = `${figures}; per-user difference ${signed(mean)} ± ${se.toFixed(4)}`;
  if (candidate.ndcg20 < bar) return { promote: false, reason: `worse than the current model by more than ${tolerance * 100}% (${judged})` };
  if (mean + Z * se < 0) return { promote: false, reason: `consistently worse than the current model on the held-out users (${judged})` };
  return { promote: true, reason: `not worse than the current model (${judged})` };
}

/** Mean and standard error of candidate − current over the same users. */
function pairedDifference(candidate: Float64Array, current: Float64Array): { mean: number; se: number } {
  if (candidate.length !== current.length || candidate.length === 0) throw new Error('the two models were not scored on the same held-out slice');
  const n = candidate.length;
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const d = candidate[i]! - current[i]!;
    sum += d;
    sq += d * d;
  }
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sq - n * mean * mean) / (n - 1)) : 0;
  return { mean, se: Math.sqrt(variance / n) };
}

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(4)}`;

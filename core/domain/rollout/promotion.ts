/**
 * Whether a retrained model replaces the one being served: only if it finds
 * the held-out positives at least about as well. The tolerance absorbs the
 * noise of a few hundred users, so a retrain that adds a little community
 * feedback is not refused for a rounding difference, while a broken model
 * (or a regression of more than 2%) is.
 */
import { HOLDOUT_SCHEME, type SliceScore } from './holdout.ts';

/** A candidate may score up to this share below the current model and still be promoted. */
export const PROMOTION_TOLERANCE = 0.02;

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
  const bar = current.score.ndcg20 * (1 - tolerance);
  return candidate.ndcg20 >= bar
    ? { promote: true, reason: `not worse than the current model (${figures})` }
    : { promote: false, reason: `worse than the current model (${figures}, bar ${bar.toFixed(4)})` };
}

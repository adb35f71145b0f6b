/**
 * Fairness across movie nights: a member whose taste lost the recent nights
 * weighs more in the next shortlist, one whose taste won weighs less.
 *
 * A night's loss for a member (NightLoss in movie-night.ts, made by
 * nightLosses at close) is where the winner stood in their own ranking of
 * that night's candidates: 0 their first choice, 1 their last, ½ the middle.
 * Over the last {@link FAIRNESS_WINDOW} nights they attended, newest first,
 *
 *     weight = exp(α · Σᵢ δⁱ · (lossᵢ − ½))      (i = 0 the newest night)
 *
 * with α = {@link FAIRNESS_STRENGTH} and δ = {@link FAIRNESS_DECAY}. A night in
 * the middle of someone's list counts for nothing, a loss raises their weight,
 * a win lowers it, older nights count less and a night past the window not
 * at all; a member with fewer nights behind them (a newcomer) has the missing
 * ones counted as the middle, so they weigh 1, as much as someone whose
 * nights went evenly. Weights stay within e^(±α(1 + δ + δ²)/2).
 *
 * The weights multiply each member's share of the group's mean z-score in the
 * shortlist (average without misery: a member's veto of a film they would
 * hate does not depend on their weight). The lean is gentle on purpose
 * (α tuned with `npm run bench:fairness`): a list leaning hard towards one
 * member costs the others more than it gives them, and the votes still
 * decide among the candidates.
 *
 * The message names the favoured: members whose weight is at least
 * {@link FAVOURED_RATIO} times the median of the others' and who lost the
 * newest night they attended; {@link lostNights} says how many nights in a
 * row, for "picked mostly for @a and @b, who lost the last two nights".
 */

/** Nights (attended, newest first) a member's losses count for. */
export const FAIRNESS_WINDOW = 3;
/** α: how strongly a night's loss raises the weight (a full loss last night: e^(α/2)). */
export const FAIRNESS_STRENGTH = 0.5;
/** δ: how much less each older night counts than the one after it. */
export const FAIRNESS_DECAY = 0.6;
/** The loss of a night that went neither for nor against a member; also what a night not attended counts as. */
export const NEUTRAL_LOSS = 0.5;
/** How far above the others' median weight a member must be to be named as favoured. */
export const FAVOURED_RATIO = 1.5;

/** One member's weight from their losses on their last attended nights, newest first (see the file's TSDoc). */
export function fairnessWeight(losses: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < FAIRNESS_WINDOW; i++) {
    const loss = losses[i];
    const counted = loss === undefined || !Number.isFinite(loss) ? NEUTRAL_LOSS : Math.min(1, Math.max(0, loss));
    sum += FAIRNESS_DECAY ** i * (counted - NEUTRAL_LOSS);
  }
  return Math.exp(FAIRNESS_STRENGTH * sum);
}

/**
 * Each member's weight for the next shortlist, and the favoured among them
 * (heaviest first).
 *
 * @param recent - each member's losses on their last {@link FAIRNESS_WINDOW}
 *   attended nights, newest first; a member missing from it has none yet.
 */
export function fairnessWeights(
  userIds: readonly number[],
  recent: ReadonlyMap<number, readonly number[]>,
): { weights: Map<number, number>; favoured: number[] } {
  const weights = new Map(userIds.map((id) => [id, fairnessWeight(recent.get(id) ?? [])]));
  const favoured = userIds
    .filter((id) => {
      const weight = weights.get(id)!;
      const others = userIds.filter((other) => other !== id).map((other) => weights.get(other)!);
      return others.length > 0 && weight > 1 && weight >= FAVOURED_RATIO * median(others) && lostNights(recent.get(id) ?? []) > 0;
    })
    .sort((a, b) => weights.get(b)! - weights.get(a)! || a - b);
  return { weights, favoured };
}

/** How many of the newest nights in a row (within the window) went against a member: the winner in the lower half of their list. */
export function lostNights(losses: readonly number[]): number {
  let n = 0;
  while (n < Math.min(losses.length, FAIRNESS_WINDOW) && losses[n]! > NEUTRAL_LOSS) n++;
  return n;
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

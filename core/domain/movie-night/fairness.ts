/**
 * Minimal stand-in for fairness across nights (the fairness branch's
 * fairness.ts replaces it): every member weighs the same, nobody is favoured.
 */

/** Closed nights a member's losses are remembered for. */
export const FAIRNESS_WINDOW = 3;

export function fairnessWeights(
  userIds: readonly number[],
  recent: ReadonlyMap<number, readonly number[]>,
): { weights: Map<number, number>; favoured: number[] } {
  void recent;
  return { weights: new Map(userIds.map((id) => [id, 1])), favoured: [] };
}

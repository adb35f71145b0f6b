import { topK } from '../top-k.ts';

export type GroupStrategy = 'average' | 'average-without-misery' | 'fair-turns';

/**
 * One list for several people from their individual score vectors. Scores
 * are z-normalised per member first so that an enthusiastic profile does not
 * outvote a modest one. Returns item indices with the group score, best first.
 * A `bias` (a discover list's, in units of the largest group score) is added
 * to the group score of each item, and to each member's own in fair turns.
 *
 * - average: the mean z-score (with `weights`, each member's z-score counts
 *   weight / Σ weights; all equal by default).
 * - average-without-misery: the same, leaving out any item some member
 *   scores below `miseryThreshold` (they would hate it); filled from the
 *   plain average if that leaves too few.
 * - fair-turns: slot by slot, the member least served so far picks the item
 *   best for them (the group average breaking ties) among those nobody hates.
 */
export function aggregateGroup(
  strategy: GroupStrategy,
  memberScores: readonly Float32Array[],
  excluded: ReadonlySet<number>,
  k: number,
  miseryThreshold: number,
  weights?: readonly number[],
  bias?: (index: number) => number,
): { index: number; score: number }[] {
  const n = memberScores[0]!.length;
  const combined = new Float32Array(n);
  const miserable = new Uint8Array(n);
  const total = weights ? weights.reduce((a, b) => a + b, 0) : memberScores.length;
  const zs = memberScores.map((scores, m) => {
    const { mean, sd } = moments(scores);
    const z = scores.map((s) => (s - mean) / sd);
    const w = weights?.[m] ?? 1;
    for (let i = 0; i < n; i++) {
      combined[i] = combined[i]! + (w * z[i]!) / total;
      if (z[i]! < miseryThreshold) miserable[i] = 1;
    }
    return z;
  });
  const lift = bias ? liftOf(combined, bias, excluded) : new Float32Array(n);
  for (let i = 0; i < n; i++) combined[i] = combined[i]! + lift[i]!;
  if (strategy === 'fair-turns') return fairTurns(zs, combined, lift, miserable, excluded, k);
  if (strategy === 'average') return topK(combined, k, excluded);

  const kept = combined.map((c, i) => (miserable[i] ? -Infinity : c));
  const picks = topK(kept, k, excluded).filter((p) => p.score > -Infinity);
  if (picks.length < k) {
    const taken = new Set([...excluded, ...picks.map((p) => p.index)]);
    picks.push(...topK(combined, k - picks.length, taken));
  }
  return picks;
}

/** bias(i) times the largest |score| of an item not excluded: a bias in the units of the scores a pick is made from. */
function liftOf(scores: Float32Array, bias: (index: number) => number, excluded: ReadonlySet<number>): Float32Array {
  let largest = 0;
  scores.forEach((s, i) => {
    if (!excluded.has(i) && Math.abs(s) > largest) largest = Math.abs(s);
  });
  return scores.map((_, i) => largest * bias(i));
}

function fairTurns(
  zs: Float32Array[],
  combined: Float32Array,
  lift: Float32Array,
  miserable: Uint8Array,
  excluded: ReadonlySet<number>,
  k: number,
): { index: number; score: number }[] {
  const taken = new Set(excluded);
  const satisfaction = zs.map(() => 0);
  const out: { index: number; score: number }[] = [];
  const candidates = topK(combined, Math.min(combined.length, 50 * k), excluded).map((c) => c.index);
  while (out.length < k) {
    const who = satisfaction.indexOf(Math.min(...satisfaction));
    let best = -1;
    let bestScore = -Infinity;
    for (const i of candidates) {
      if (taken.has(i)) continue;
      const score = zs[who]![i]! + lift[i]! + 0.5 * combined[i]! - (miserable[i] ? 1e6 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best < 0) break;
    taken.add(best);
    zs.forEach((z, m) => (satisfaction[m] = satisfaction[m]! + z[best]!));
    out.push({ index: best, score: combined[best]! });
  }
  return out;
}

/** Mean and standard deviation of one member's scores (the sd kept above 0). */
export function moments(scores: Float32Array): { mean: number; sd: number } {
  let sum = 0;
  let sq = 0;
  for (const s of scores) {
    sum += s;
    sq += s * s;
  }
  const mean = sum / scores.length;
  return { mean, sd: Math.sqrt(Math.max(sq / scores.length - mean * mean, 1e-12)) };
}

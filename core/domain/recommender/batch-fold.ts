import type { DotKernel } from './dot-kernel.ts';
import { topK } from '../top-k.ts';

/** What the pruned fold reads of a served model (EaseRecommender's arrays, shared, not copied). */
export interface FoldModel {
  /** Holds the items × stride eigen-vectors at serving rank (zero-padded), and multiplies by them. */
  kernel: DotKernel;
  items: number;
  /** λ grid × items: EASE's per-item normaliser at each grid point. */
  norms: Float32Array;
  scale: Float32Array;
}

/** A profile folded in (EaseRecommender's query): item k scores q·V_k / (norm_g[k]·s_k). */
export interface FoldQuery {
  q: Float64Array;
  g: number;
}

/**
 * Directions scored for every shortlisted item before the rest are bounded.
 * A query's weight is shrunk by e/(e+λ), which falls with the eigenvalue e:
 * past the first few hundred directions it is a small fraction of the head's,
 * so the bound below settles most of the shortlist.
 */
const SPLIT = 512;
/** Covers float64 rounding in a sum of ~1k products (≈1e-13 relative) many times over. */
const SLACK = 1e-9;

/**
 * The shortlist scoring of a ready list with less work, and the very same
 * answer: the same items and scores as EaseRecommender.recommend, bit for bit
 * (batch-fold.test.ts checks it).
 *
 * recommend scores each shortlisted item over every direction. Here every
 * item is scored over the first {@link SPLIT}; the rest of its score is at
 * most |q_tail|·|V_k,tail| (Cauchy–Schwarz), so an item whose score plus that
 * bound stays under the k-th best exact score cannot be picked and is never
 * finished. A finished score continues the same four accumulators in the same
 * order, so it equals recommend's to the last bit; the shortlist is the
 * index's, as recommend's is.
 */
export class PrunedFold {
  /** |V_k| over directions ≥ SPLIT, and over all: the bound and its rounding slack. */
  private readonly tailNorm: Float64Array;
  private readonly fullNorm: Float64Array;
  /** items-long, −∞ except the items being picked from; reset after each use. */
  private readonly scratch: Float32Array;

  /** One row and its four accumulators: a score being finished. */
  private readonly row = new Int32Array(1);
  private readonly four = new Float64Array(4);

  constructor(readonly model: FoldModel) {
    const { items } = model;
    const { vectors, stride } = model.kernel;
    this.tailNorm = new Float64Array(items);
    this.fullNorm = new Float64Array(items);
    for (let k = 0; k < items; k++) {
      let head = 0;
      let tail = 0;
      for (let j = 0, p = k * stride; j < stride; j++, p++) {
        const v = vectors[p]! * vectors[p]!;
        if (j < SPLIT) head += v;
        else tail += v;
      }
      this.tailNorm[k] = Math.sqrt(tail);
      this.fullNorm[k] = Math.sqrt(head + tail);
    }
    this.scratch = new Float32Array(items).fill(-Infinity);
  }

  /**
   * The k best of the index's shortlist `candidates` for `query`, best first,
   * as topK over EaseRecommender.score's array would give them; null when the
   * shortlist holds fewer than k pickable items (the caller scores it plainly).
   */
  top(query: FoldQuery, candidates: Int32Array, k: number, excluded: ReadonlySet<number>): { index: number; score: number }[] | null {
    const { kernel, items, norms, scale } = this.model;
    const { stride } = kernel;
    const { q, g } = query;
    const count = candidates.length;
    let pickable = 0;
    for (let c = 0; c < count; c++) if (!excluded.has(candidates[c]!)) pickable++;
    if (pickable < k) return null;
    const split = Math.min(SPLIT, stride);
    let qTail = 0;
    let qAll = 0;
    for (let j = 0; j < stride; j++) {
      if (j >= split) qTail += q[j]! * q[j]!;
      qAll += q[j]! * q[j]!;
    }
    qTail = Math.sqrt(qTail);
    qAll = Math.sqrt(qAll);

    // Phase 1: the head of every pickable score (excluded items are never picked: not scored at all), its
    // four accumulators kept, and an upper bound of the whole.
    const live = new Int32Array(pickable);
    for (let c = 0, n = 0; c < count; c++) if (!excluded.has(candidates[c]!)) live[n++] = candidates[c]!;
    const acc = new Float64Array(pickable * 4);
    kernel.useQuery(q);
    kernel.accumulate(live, pickable, 0, split, acc);
    const upper = new Float64Array(pickable);
    for (let n = 0; n < pickable; n++) {
      const i = live[n]!;
      const d = norms[g * items + i]! * scale[i]!;
      const bound = qTail * this.tailNorm[i]! + SLACK * qAll * this.fullNorm[i]!;
      const head = acc[n * 4]! + acc[n * 4 + 1]! + acc[n * 4 + 2]! + acc[n * 4 + 3]!;
      // A normaliser that is not a positive number gives no usable bound: such an item is always finished.
      upper[n] = d > 0 ? (head + bound) / d : Infinity;
    }

    // Phase 2: finish the items, best-first as the index ranked them, skipping those that cannot reach the k best.
    const best: number[] = [];
    const touched: number[] = [];
    const { row, four } = this;
    for (let n = 0; n < pickable; n++) {
      // Compared as the float32 the score is stored as: an item equal to the k-th there could still win a tie.
      if (best.length === k && Math.fround(upper[n]!) < best[k - 1]!) continue;
      const i = live[n]!;
      row[0] = i;
      four.set(acc.subarray(n * 4, n * 4 + 4));
      kernel.accumulate(row, 1, split, stride, four);
      this.scratch[i] = (four[0]! + four[1]! + four[2]! + four[3]!) / (norms[g * items + i]! * scale[i]!);
      touched.push(i);
      const s = this.scratch[i]!;
      if (Number.isNaN(s) || (best.length === k && s <= best[k - 1]!)) continue;
      let pos = best.length;
      while (pos > 0 && best[pos - 1]! < s) pos--;
      best.splice(pos, 0, s);
      if (best.length > k) best.pop();
    }
    // Only finished items hold a score (the rest of scratch is −∞): pick among them, in index order as a full scan would.
    touched.sort((a, b) => a - b);
    let picks = topK(this.scratch, k, excluded, touched);
    if (picks.length < k) picks = topK(this.scratch, k, excluded);
    for (const i of touched) this.scratch[i] = -Infinity;
    return picks;
  }
}

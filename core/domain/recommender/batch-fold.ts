import { bestLike } from './dot-product.ts';
import { topK } from './top-k.ts';

/** What the pruned fold reads of a served model (EaseRecommender's arrays, shared, not copied). */
export interface FoldModel {
  /** items × stride, the eigen-vectors at serving rank (zero-padded). */
  vectors: Float32Array;
  stride: number;
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
 * A query's weight is shrunk by e/(e+λ): past ~500 of the 959 directions it is
 * a percent of the head's, so the bound below settles most of the shortlist.
 */
const SPLIT = 512;
/** Covers float64 rounding in a sum of ~1k products (≈1e-13 relative) many times over. */
const SLACK = 1e-9;

/**
 * The shortlist scoring of a ready list with less work, and the very same
 * answer: the same items and scores as EaseRecommender.recommend, bit for bit
 * (batch-fold.test.ts checks it; on ml-latest-small 3,000 sampled profiles
 * gave identical ready lists).
 *
 * recommend scores each of the ~200 shortlisted items over all 959
 * directions. Here every item is scored over the first {@link SPLIT}; the rest
 * of its score is at most |q_tail|·|V_k,tail| (Cauchy–Schwarz), so an item
 * whose score plus that bound stays under the k-th best exact score cannot be
 * picked and is never finished (about 70 of 210 are, on ml-latest-small). A
 * finished score continues the same four accumulators in the same order, so
 * it equals recommend's to the last bit. The shortlist is the index's, as in recommend.
 */
export class PrunedFold {
  /** |V_k| over directions ≥ SPLIT, and over all: the bound and its rounding slack. */
  private readonly tailNorm: Float64Array;
  private readonly fullNorm: Float64Array;
  /** items-long, −∞ except the items being picked from; reset after each use. */
  private readonly scratch: Float32Array;

  constructor(readonly model: FoldModel) {
    const { vectors, stride, items } = model;
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
    const { vectors, stride, items, norms, scale } = this.model;
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
    // four accumulators kept, and an upper bound of the whole. Two items at a time: each q load feeds both.
    const live: number[] = [];
    for (let c = 0; c < count; c++) if (!excluded.has(candidates[c]!)) live.push(c);
    const acc = new Float64Array(count * 4);
    headScores(q, vectors, stride, split, candidates, live, acc);
    const upper = new Float64Array(count).fill(-Infinity);
    for (const c of live) {
      const i = candidates[c]!;
      const d = norms[g * items + i]! * scale[i]!;
      const bound = qTail * this.tailNorm[i]! + SLACK * qAll * this.fullNorm[i]!;
      const head = acc[c * 4]! + acc[c * 4 + 1]! + acc[c * 4 + 2]! + acc[c * 4 + 3]!;
      // A normaliser that is not a positive number gives no usable bound: such an item is always finished.
      upper[c] = d > 0 ? (head + bound) / d : Infinity;
    }

    // Phase 2: finish the items, best-first as the index ranked them, skipping those that cannot reach the k best.
    const best: number[] = [];
    const touched: number[] = [];
    for (const c of live) {
      // Compared as the float32 the score is stored as: an item equal to the k-th there could still win a tie.
      if (best.length === k && Math.fround(upper[c]!) < best[k - 1]!) continue;
      const i = candidates[c]!;
      let s0 = acc[c * 4]!;
      let s1 = acc[c * 4 + 1]!;
      let s2 = acc[c * 4 + 2]!;
      let s3 = acc[c * 4 + 3]!;
      for (let j = split, p = i * stride + split; j < stride; j += 4, p += 4) {
        s0 += q[j]! * vectors[p]!;
        s1 += q[j + 1]! * vectors[p + 1]!;
        s2 += q[j + 2]! * vectors[p + 2]!;
        s3 += q[j + 3]! * vectors[p + 3]!;
      }
      this.scratch[i] = (s0 + s1 + s2 + s3) / (norms[g * items + i]! * scale[i]!);
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

/**
 * acc[c·4 … c·4+3] = the four accumulators of q · V_candidates[c] over the
 * first `split` directions, for each c in `live`, summed in the order
 * EaseRecommender.score sums them (so finishing them gives its score exactly).
 */
function headScores(
  q: Float64Array,
  vectors: Float32Array,
  stride: number,
  split: number,
  candidates: Int32Array,
  live: readonly number[],
  acc: Float64Array,
): void {
  let n = 0;
  for (; n + 1 < live.length; n += 2) {
    const ca = live[n]!;
    const cb = live[n + 1]!;
    const pa = candidates[ca]! * stride;
    const pb = candidates[cb]! * stride;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    let b3 = 0;
    for (let j = 0; j < split; j += 4) {
      const q0 = q[j]!;
      const q1 = q[j + 1]!;
      const q2 = q[j + 2]!;
      const q3 = q[j + 3]!;
      a0 += q0 * vectors[pa + j]!;
      a1 += q1 * vectors[pa + j + 1]!;
      a2 += q2 * vectors[pa + j + 2]!;
      a3 += q3 * vectors[pa + j + 3]!;
      b0 += q0 * vectors[pb + j]!;
      b1 += q1 * vectors[pb + j + 1]!;
      b2 += q2 * vectors[pb + j + 2]!;
      b3 += q3 * vectors[pb + j + 3]!;
    }
    acc[ca * 4] = a0;
    acc[ca * 4 + 1] = a1;
    acc[ca * 4 + 2] = a2;
    acc[ca * 4 + 3] = a3;
    acc[cb * 4] = b0;
    acc[cb * 4 + 1] = b1;
    acc[cb * 4 + 2] = b2;
    acc[cb * 4 + 3] = b3;
  }
  if (n < live.length) {
    const c = live[n]!;
    const p = candidates[c]! * stride;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < split; j += 4) {
      s0 += q[j]! * vectors[p + j]!;
      s1 += q[j + 1]! * vectors[p + j + 1]!;
      s2 += q[j + 2]! * vectors[p + j + 2]!;
      s3 += q[j + 3]! * vectors[p + j + 3]!;
    }
    acc[c * 4] = s0;
    acc[c * 4 + 1] = s1;
    acc[c * 4 + 2] = s2;
    acc[c * 4 + 3] = s3;
  }
}

/**
 * For each pick (item index), the liked item contributing most to its score
 * (−1 for none), as EaseRecommender.because gives it for one profile:
 * `weighted` is its likes × dims array of pre-weighted likes, and each sum
 * runs in the same order, so the same like wins every time (ties: the earlier
 * like). Two picks at a time: each weighted load feeds both.
 */
export function explainPicks(
  picks: readonly number[],
  likes: readonly number[],
  weighted: Float64Array,
  vectors: Float32Array,
  stride: number,
  dims: number,
): Int32Array {
  const out = new Int32Array(picks.length).fill(-1);
  const tail = dims - (dims % 4);
  let n = 0;
  for (; n + 1 < picks.length; n += 2) {
    const ba = picks[n]! * stride;
    const bb = picks[n + 1]! * stride;
    let bestA = -Infinity;
    let bestB = -Infinity;
    for (let l = 0; l < likes.length; l++) {
      const p = l * dims;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      let j = 0;
      for (; j < tail; j += 4) {
        const w0 = weighted[p + j]!;
        const w1 = weighted[p + j + 1]!;
        const w2 = weighted[p + j + 2]!;
        const w3 = weighted[p + j + 3]!;
        a0 += w0 * vectors[ba + j]!;
        a1 += w1 * vectors[ba + j + 1]!;
        a2 += w2 * vectors[ba + j + 2]!;
        a3 += w3 * vectors[ba + j + 3]!;
        b0 += w0 * vectors[bb + j]!;
        b1 += w1 * vectors[bb + j + 1]!;
        b2 += w2 * vectors[bb + j + 2]!;
        b3 += w3 * vectors[bb + j + 3]!;
      }
      for (; j < dims; j++) {
        a0 += weighted[p + j]! * vectors[ba + j]!;
        b0 += weighted[p + j]! * vectors[bb + j]!;
      }
      const sa = a0 + a1 + a2 + a3;
      const sb = b0 + b1 + b2 + b3;
      if (sa > bestA) {
        bestA = sa;
        out[n] = likes[l]!;
      }
      if (sb > bestB) {
        bestB = sb;
        out[n + 1] = likes[l]!;
      }
    }
  }
  if (n < picks.length) out[n] = bestLike(weighted, likes, vectors, picks[n]! * stride, dims).like;
  return out;
}

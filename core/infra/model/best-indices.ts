/** Scores sampled to set the bar a score must reach to be sorted. */
const SAMPLE = 256;

/**
 * The indices of the k largest of scores[0 … n−1], largest first; equal
 * scores in index order. `scratch` holds at least n.
 *
 * A sample of the scores sets a bar that about 1.5k of them reach; only those
 * are sorted (if fewer than k reach it, a lower bar is tried). Each is sorted as one
 * number, score · n + (n − 1 − index), so a plain numeric sort orders by
 * score, then index: exact for |score| < 2³¹ and n ≤ 2²¹.
 */
export function bestIndices(scores: Int32Array, n: number, k: number, scratch: Int32Array = new Int32Array(n)): Int32Array {
  const size = Math.max(0, Math.min(k, n));
  if (size === 0) return new Int32Array(0);
  const step = Math.floor(n / SAMPLE);
  const sample = new Int32Array(step > 1 ? Math.ceil(n / step) : 0);
  for (let i = 0, s = 0; s < sample.length; i += step, s++) sample[s] = scores[i]!;
  sample.sort();
  // A sample can promise more than the scores hold: then a lower bar, twice as many, and so on.
  let count = 0;
  for (let reach = Math.ceil((1.5 * size) / step); ; reach *= 2) {
    const bar = reach <= sample.length ? sample[sample.length - reach]! : -Infinity;
    count = collect(scores, n, bar, scratch);
    if (count >= size || bar === -Infinity) break;
  }
  const keys = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    const i = scratch[c]!;
    keys[c] = scores[i]! * n + (n - 1 - i);
  }
  keys.sort();
  const out = new Int32Array(size);
  for (let r = 0; r < size; r++) {
    const key = keys[count - 1 - r]!;
    out[r] = n - 1 - (key - Math.floor(key / n) * n);
  }
  return out;
}

/** Writes the indices whose score reaches `bar` to `into`, returns how many. */
function collect(scores: Int32Array, n: number, bar: number, into: Int32Array): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (scores[i]! >= bar) into[count++] = i;
  return count;
}

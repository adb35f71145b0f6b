/**
 * The k best (index, score) pairs of a score array, skipping excluded
 * indices, best first. A bounded insertion list: k is small (≤ 100).
 * `among` (ascending indices) limits the scan to those entries: the same
 * answer as a full scan when every other entry is −∞ and `among` holds k
 * pickable scores.
 */
export function topK(scores: Float32Array, k: number, excluded: ReadonlySet<number>, among?: readonly number[]): { index: number; score: number }[] {
  const idx: number[] = [];
  const val: number[] = [];
  const count = among ? among.length : scores.length;
  for (let c = 0; c < count; c++) {
    const i = among ? among[c]! : c;
    const s = scores[i]!;
    if (idx.length === k && s <= val[k - 1]!) continue;
    if (excluded.has(i) || Number.isNaN(s)) continue;
    let pos = idx.length === k ? k - 1 : idx.length;
    while (pos > 0 && val[pos - 1]! < s) pos--;
    idx.splice(pos, 0, i);
    val.splice(pos, 0, s);
    if (idx.length > k) {
      idx.pop();
      val.pop();
    }
  }
  return idx.map((index, i) => ({ index, score: val[i]! }));
}

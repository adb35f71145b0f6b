/**
 * The k best (index, score) pairs of a score array, skipping excluded
 * indices, best first. A bounded insertion list: k is small (≤ 100).
 */
export function topK(scores: Float32Array, k: number, excluded: ReadonlySet<number>): { index: number; score: number }[] {
  const idx: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < scores.length; i++) {
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

/**
 * Bounded optimal-string-alignment distance (Levenshtein plus adjacent
 * transpositions, so "matirx" is one edit from "matrix"). Only used to
 * verify the few dictionary words the trigram filter proposes.
 */

/** Words longer than this are never compared (queries are truncated well below). */
const MAX_COMPARED_LENGTH = 48;
/** Returned when the distance exceeds the bound. */
export const TOO_FAR = 255;
const FAR: Readonly<{ whole: number; prefix: number }> = Object.freeze({ whole: TOO_FAR, prefix: TOO_FAR });

// Three DP rows reused across calls: search is synchronous, and this runs
// thousands of times per query.
const rows = [0, 1, 2].map(() => new Int32Array(MAX_COMPARED_LENGTH + 3));

/**
 * Distances from `query` to `word`, each capped at `max` (TOO_FAR beyond):
 * `whole` to the entire word, `prefix` to the closest prefix of the word
 * (what a user typing "godfah" is on the way to).
 */
export function boundedDistances(query: string, word: string, max: number): Readonly<{ whole: number; prefix: number }> {
  const n = query.length;
  // Only a prefix up to n + max long can be within max edits.
  const m = Math.min(word.length, n + max);
  if (n > MAX_COMPARED_LENGTH || m + max < n) return FAR;
  let [older, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const qc = query.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const wc = word.charCodeAt(j - 1);
      let d = Math.min(prev[j - 1]! + (qc === wc ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
      if (i > 1 && j > 1 && qc === word.charCodeAt(j - 2) && query.charCodeAt(i - 2) === wc) {
        d = Math.min(d, older[j - 2]! + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // Row minima never decrease, so once a row is beyond max, so is the answer.
    if (rowMin > max) return FAR;
    [older, prev, cur] = [prev, cur, older];
  }
  // After the swap, `prev` holds the last row (query fully consumed).
  let prefix = TOO_FAR;
  for (let j = Math.max(0, n - max); j <= m; j++) prefix = Math.min(prefix, prev[j]!);
  const whole = m === word.length ? prev[m]! : TOO_FAR;
  return { whole: whole <= max ? whole : TOO_FAR, prefix: prefix <= max ? prefix : TOO_FAR };
}

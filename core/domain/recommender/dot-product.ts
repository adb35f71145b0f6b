/** Inner products of float64 queries with rows of the float32 item vectors (stride a multiple of 4). */

/**
 * dots[m · items + i] = q_m · V_items[i], two members by two items at a
 * time: each load feeds two products (~1.7× one dot after another in V8).
 */
export function dotBlock(qs: readonly Float64Array[], vectors: Float32Array, stride: number, items: Int32Array): Float64Array {
  const rows = qs.length;
  const cols = items.length;
  const out = new Float64Array(rows * cols);
  for (let m = 0; m < rows; m += 2) {
    const qa = qs[m]!;
    const qb = qs[Math.min(m + 1, rows - 1)]!;
    for (let i = 0; i < cols; i += 2) {
      const pa = items[i]! * stride;
      const pb = items[Math.min(i + 1, cols - 1)]! * stride;
      let aa0 = 0;
      let aa1 = 0;
      let ab0 = 0;
      let ab1 = 0;
      let ba0 = 0;
      let ba1 = 0;
      let bb0 = 0;
      let bb1 = 0;
      for (let j = 0; j < stride; j += 2) {
        const qa0 = qa[j]!;
        const qa1 = qa[j + 1]!;
        const qb0 = qb[j]!;
        const qb1 = qb[j + 1]!;
        const va0 = vectors[pa + j]!;
        const va1 = vectors[pa + j + 1]!;
        const vb0 = vectors[pb + j]!;
        const vb1 = vectors[pb + j + 1]!;
        aa0 += qa0 * va0;
        aa1 += qa1 * va1;
        ab0 += qa0 * vb0;
        ab1 += qa1 * vb1;
        ba0 += qb0 * va0;
        ba1 += qb1 * va1;
        bb0 += qb0 * vb0;
        bb1 += qb1 * vb1;
      }
      // An odd last row or column was computed twice over; only the real ones are kept.
      const r = m * cols + i;
      out[r] = aa0 + aa1;
      if (i + 1 < cols) out[r + 1] = ab0 + ab1;
      if (m + 1 < rows) {
        out[r + cols] = ba0 + ba1;
        if (i + 1 < cols) out[r + cols + 1] = bb0 + bb1;
      }
    }
  }
  return out;
}

/** q · vectors[p .. p + stride). */
export function dot(q: Float64Array, vectors: Float32Array, p: number, stride: number): number {
  // Four accumulators, as in the single-profile fold.
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let j = 0; j < stride; j += 4, p += 4) {
    s0 += q[j]! * vectors[p]!;
    s1 += q[j + 1]! * vectors[p + 1]!;
    s2 += q[j + 2]! * vectors[p + 2]!;
    s3 += q[j + 3]! * vectors[p + 3]!;
  }
  return s0 + s1 + s2 + s3;
}

/**
 * The like whose pre-weighted vector (row l of `weighted`, likes × dims) has
 * the largest inner product with vectors[base .. base + dims): the "because"
 * of one item for one profile. Ties go to the earlier like; `score` is −∞
 * and `like` −1 when there are no likes. Four accumulators and a tail, in
 * one fixed order, so every caller gets the same winner.
 */
export function bestLike(weighted: Float64Array, likes: readonly number[], vectors: Float32Array, base: number, dims: number): { like: number; score: number } {
  const tail = dims - (dims % 4);
  let score = -Infinity;
  let like = -1;
  for (let l = 0; l < likes.length; l++) {
    const p = l * dims;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let j = 0;
    for (; j < tail; j += 4) {
      s0 += weighted[p + j]! * vectors[base + j]!;
      s1 += weighted[p + j + 1]! * vectors[base + j + 1]!;
      s2 += weighted[p + j + 2]! * vectors[base + j + 2]!;
      s3 += weighted[p + j + 3]! * vectors[base + j + 3]!;
    }
    for (; j < dims; j++) s0 += weighted[p + j]! * vectors[base + j]!;
    const s = s0 + s1 + s2 + s3;
    if (s > score) {
      score = s;
      like = likes[l]!;
    }
  }
  return { like, score };
}

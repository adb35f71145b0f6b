import { symmetricEigen } from '../linalg/symmetric-eigen.ts';
import type { SparseRows } from '../sparse-rows.ts';
import type { Eigenpairs } from './top-eigenpairs.ts';

/**
 * Exact eigenpairs of XᵀX through the small side: K = XXᵀ (rows × rows) has
 * the same non-zero eigenvalues, and V = XᵀU Σ^(-1/2). For a few thousand
 * users (ml-latest-small has 610) this is exact and takes seconds.
 */
export function dualEigenpairs(x: SparseRows): Eigenpairs {
  const n = x.rows;
  // Column lists: K_uv = Σ_items x_ui x_vi, accumulated item by item.
  const colPtr = new Int32Array(x.cols + 1);
  for (let p = 0; p < x.idx.length; p++) colPtr[x.idx[p]! + 1]!++;
  for (let c = 0; c < x.cols; c++) colPtr[c + 1] = colPtr[c + 1]! + colPtr[c]!;
  const colRow = new Int32Array(x.idx.length);
  const colVal = new Float32Array(x.idx.length);
  const fill = colPtr.slice(0, x.cols);
  for (let r = 0; r < n; r++) {
    for (let p = x.ptr[r]!; p < x.ptr[r + 1]!; p++) {
      const at = fill[x.idx[p]!]!++;
      colRow[at] = r;
      colVal[at] = x.vals[p]!;
    }
  }
  const k = new Float64Array(n * n);
  for (let c = 0; c < x.cols; c++) {
    for (let a = colPtr[c]!; a < colPtr[c + 1]!; a++) {
      const ra = colRow[a]! * n;
      const va = colVal[a]!;
      for (let b = colPtr[c]!; b < colPtr[c + 1]!; b++) k[ra + colRow[b]!]! += va * colVal[b]!;
    }
  }
  const eig = symmetricEigen(k, n);
  const floor = Math.max(eig.values[0]! * 1e-7, 1e-9);
  let rank = 0;
  while (rank < n && eig.values[rank]! > floor) rank++;
  // V_ij = Σ_r X_ri U_rj / √σ_j
  const vectors = new Float32Array(x.cols * rank);
  const scaled = new Float64Array(n * rank);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < rank; j++) scaled[r * rank + j] = eig.vectors[j * n + r]! / Math.sqrt(eig.values[j]!);
  }
  for (let r = 0; r < n; r++) {
    for (let p = x.ptr[r]!; p < x.ptr[r + 1]!; p++) {
      const out = x.idx[p]! * rank;
      const v = x.vals[p]!;
      for (let j = 0; j < rank; j++) vectors[out + j] = vectors[out + j]! + v * scaled[r * rank + j]!;
    }
  }
  return { rank, vectors, values: eig.values.slice(0, rank) };
}

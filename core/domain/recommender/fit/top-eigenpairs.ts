import type { DenseMath } from '../dense-math.ts';
import { symmetricEigen } from '../linalg/symmetric-eigen.ts';
import { gaussianRandom } from '../../random.ts';
import { multiplyDense, multiplyTransposeDense, type SparseRows } from '../sparse-rows.ts';

export interface Eigenpairs {
  /** Number of pairs kept. */
  rank: number;
  /** cols × rank, row-major: row k is item k's coordinates. */
  vectors: Float32Array;
  /** Eigenvalues of XᵀX, largest first. */
  values: Float64Array;
}

/**
 * The top eigenpairs of the item Gram matrix XᵀX without forming it
 * (randomized subspace iteration, Halko et al. 2011). When the sketch is at
 * least as wide as X has rows, the range of Xᵀ is captured exactly and no
 * power iteration is needed; that is the ml-latest-small case.
 */
export async function topEigenpairs(x: SparseRows, opts: { width: number; powerIterations: number; seed: number; math: DenseMath }): Promise<Eigenpairs> {
  const { math } = opts;
  const exact = opts.width >= x.rows;
  const l = Math.min(opts.width, x.rows, x.cols);
  const rand = gaussianRandom(opts.seed);
  const omega = new Float32Array(x.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = rand();

  let basis = await orthonormalize(multiplyTransposeDense(x, multiplyDense(x, omega, l), l), x.cols, l, math);
  for (let it = 0; it < (exact ? 0 : opts.powerIterations); it++) {
    const y = multiplyTransposeDense(x, multiplyDense(x, basis.q, basis.width), basis.width);
    basis = await orthonormalize(y, x.cols, basis.width, math);
  }
  const { q, width } = basis;

  // Project: S = (XQ)ᵀ(XQ) is small; its eigenvectors rotate Q into XᵀX's.
  const b = multiplyDense(x, q, width);
  const s = await math.transposeTimes(b, b, x.rows, width, width);
  const eig = symmetricEigen(Float64Array.from(s), width);
  const floor = Math.max(eig.values[0]! * 1e-7, 1e-9);
  let rank = 0;
  while (rank < width && eig.values[rank]! > floor) rank++;
  const rotation = new Float32Array(width * rank);
  for (let i = 0; i < width; i++) for (let j = 0; j < rank; j++) rotation[i * rank + j] = eig.vectors[j * width + i]!;
  const vectors = await math.times(q, rotation, x.cols, width, rank);
  return { rank, vectors, values: eig.values.slice(0, rank) };
}

/**
 * Q = Y U diag(1/√c) from the eigen-decomposition of YᵀY: orthonormal columns
 * spanning Y, dropping directions Y does not have (rank-deficient sketches).
 */
async function orthonormalize(y: Float32Array, rows: number, width: number, math: DenseMath): Promise<{ q: Float32Array; width: number }> {
  const eig = symmetricEigen(Float64Array.from(await math.transposeTimes(y, y, rows, width, width)), width);
  const floor = Math.max(eig.values[0]! * 1e-10, 1e-12);
  let keep = 0;
  while (keep < width && eig.values[keep]! > floor) keep++;
  const m = new Float32Array(width * keep);
  for (let i = 0; i < width; i++) {
    for (let j = 0; j < keep; j++) m[i * keep + j] = eig.vectors[j * width + i]! / Math.sqrt(eig.values[j]!);
  }
  return { q: await math.times(y, m, rows, width, keep), width: keep };
}

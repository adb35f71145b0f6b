/**
 * A trained model's numbers: the top eigenpairs of the item Gram XᵀX and
 * what serving precomputes from them. EASE's item-item solution
 * B = I − P·diag(1/P_kk), P = (XᵀX + λI)⁻¹, is written through these
 * eigenpairs, so one decomposition serves every λ and the fold-in can pick
 * λ per user.
 */
export interface EaseFactors {
  /** Item index → MovieLens id. */
  itemIds: Int32Array;
  rank: number;
  /** items × rank, row-major. */
  vectors: Float32Array;
  /** Eigenvalues of XᵀX, largest first. */
  values: Float64Array;
  /** Positive ratings per item. */
  popularity: Float32Array;
  /**
   * Column scale s_i of X. EASE on X·diag(s) is EASE on X with the
   * regulariser λ/s_i² = λ(1 + κ·G_ii): popular items are regularised more,
   * as in EDLAE (Steck 2020), while λ stays free to choose per user.
   */
  itemScale: Float32Array;
}

/** λ values the normalisers are precomputed for; a user's λ snaps to the nearest. */
export const LAMBDA_GRID = Float64Array.from({ length: 29 }, (_, i) => 10 * 2 ** (i / 2));

/** f_j(λ) = g_j / (g_j + λ): how much eigen-direction j survives regularisation λ. */
export function shrinkage(values: Float64Array, lambda: number, rank: number): Float32Array {
  const f = new Float32Array(rank);
  for (let j = 0; j < rank; j++) f[j] = values[j]! / (values[j]! + lambda);
  return f;
}

/**
 * λ·P_kk = 1 − Σ_j V_kj² f_j(λ) for every item: the per-item normaliser of
 * EASE's zero-diagonal constraint, for the grid λs from index `from` to `to`
 * (only those a profile can reach are worth the load time).
 */
export function normalisers(factors: EaseFactors, rank: number, power: number, from: number, to: number): Float32Array {
  const n = factors.itemIds.length;
  const out = new Float32Array(LAMBDA_GRID.length * n).fill(1);
  const grids = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const shrink = grids.map((g) => shrinkage(factors.values, LAMBDA_GRID[g]!, rank));
  const squares = new Float32Array(rank);
  for (let k = 0; k < n; k++) {
    const row = k * factors.rank;
    for (let j = 0; j < rank; j++) squares[j] = factors.vectors[row + j]! ** 2;
    grids.forEach((g, i) => {
      const f = shrink[i]!;
      let sum = 0;
      for (let j = 0; j < rank; j++) sum += squares[j]! * f[j]!;
      out[g * n + k] = Math.max(1 - sum, 1e-6) ** power;
    });
  }
  return out;
}

export function nearestGridIndex(lambda: number): number {
  let best = 0;
  for (let g = 1; g < LAMBDA_GRID.length; g++) {
    if (Math.abs(Math.log(LAMBDA_GRID[g]! / lambda)) < Math.abs(Math.log(LAMBDA_GRID[best]! / lambda))) best = g;
  }
  return best;
}

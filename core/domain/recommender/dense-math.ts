/**
 * The dense matrix products training needs, as a port: the TF.js
 * implementation lives in core/infra (tfjs-node where it installs, the wasm
 * backend otherwise); tests may use the plain-JS one below.
 */
export interface DenseMath {
  /** Which backend ran, for benchmark output and the model manifest. */
  readonly backend: string;
  /** C (m × n) = Aᵀ (k × m)ᵀ · B (k × n): the Gram-like product of two tall matrices, row-major. */
  transposeTimes(a: Float32Array, b: Float32Array, k: number, m: number, n: number): Promise<Float32Array>;
  /** C (m × n) = A (m × k) · B (k × n), row-major. */
  times(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Promise<Float32Array>;
}

/** Reference implementation in plain loops (slow; for tests and tiny data). */
export const plainMath: DenseMath = {
  backend: 'plain-js',
  async transposeTimes(a, b, k, m, n) {
    const c = new Float32Array(m * n);
    for (let r = 0; r < k; r++) {
      for (let i = 0; i < m; i++) {
        const v = a[r * m + i]!;
        if (v === 0) continue;
        for (let j = 0; j < n; j++) c[i * n + j] = c[i * n + j]! + v * b[r * n + j]!;
      }
    }
    return c;
  },
  async times(a, b, m, k, n) {
    const c = new Float32Array(m * n);
    for (let i = 0; i < m; i++) {
      for (let r = 0; r < k; r++) {
        const v = a[i * k + r]!;
        if (v === 0) continue;
        for (let j = 0; j < n; j++) c[i * n + j] = c[i * n + j]! + v * b[r * n + j]!;
      }
    }
    return c;
  },
};

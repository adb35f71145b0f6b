import { describe, expect, it } from 'vitest';
import { symmetricEigen } from './symmetric-eigen.ts';

function randomSymmetric(n: number, seed: number): Float64Array {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = rnd();
  return a;
}

describe('symmetricEigen', () => {
  it('diagonalises a known 2 × 2 matrix', () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect([...values]).toEqual([expect.closeTo(3, 10), expect.closeTo(1, 10)]);
    expect(Math.abs(vectors[0]!)).toBeCloseTo(Math.SQRT1_2, 10);
    expect(vectors[0]! * vectors[1]!).toBeGreaterThan(0); // (1, 1)/√2 for eigenvalue 3
  });

  it.each([1, 5, 60])('A v = λ v with orthonormal vectors, values descending (n = %i)', (n) => {
    const a = randomSymmetric(n, n + 7);
    const { values, vectors } = symmetricEigen(a, n);
    for (let j = 0; j < n; j++) {
      if (j > 0) expect(values[j]!).toBeLessThanOrEqual(values[j - 1]!);
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let k = 0; k < n; k++) av += a[i * n + k]! * vectors[j * n + k]!;
        expect(av).toBeCloseTo(values[j]! * vectors[j * n + i]!, 9);
      }
      for (let m = 0; m <= j; m++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += vectors[j * n + i]! * vectors[m * n + i]!;
        expect(dot).toBeCloseTo(m === j ? 1 : 0, 9);
      }
    }
  });
});

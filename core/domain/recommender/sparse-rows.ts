/** A sparse matrix in compressed-row form: row r holds cols[ptr[r]..ptr[r+1]) with vals. */
export interface SparseRows {
  rows: number;
  cols: number;
  ptr: Int32Array;
  idx: Int32Array;
  vals: Float32Array;
}

/** Y (rows × l) = X · Q, with Q dense (cols × l, row-major). */
export function multiplyDense(x: SparseRows, q: Float32Array, l: number): Float32Array {
  const y = new Float32Array(x.rows * l);
  for (let r = 0; r < x.rows; r++) {
    const out = r * l;
    for (let p = x.ptr[r]!; p < x.ptr[r + 1]!; p++) {
      const v = x.vals[p]!;
      const src = x.idx[p]! * l;
      for (let j = 0; j < l; j++) y[out + j] = y[out + j]! + v * q[src + j]!;
    }
  }
  return y;
}

/** Y (cols × l) = Xᵀ · Z, with Z dense (rows × l, row-major). */
export function multiplyTransposeDense(x: SparseRows, z: Float32Array, l: number): Float32Array {
  const y = new Float32Array(x.cols * l);
  for (let r = 0; r < x.rows; r++) {
    const src = r * l;
    for (let p = x.ptr[r]!; p < x.ptr[r + 1]!; p++) {
      const v = x.vals[p]!;
      const out = x.idx[p]! * l;
      for (let j = 0; j < l; j++) y[out + j] = y[out + j]! + v * z[src + j]!;
    }
  }
  return y;
}

/** Builds CSR from row-grouped triplets appended in any column order. */
export class SparseRowsBuilder {
  private readonly ptr: number[] = [0];
  private idx = new Int32Array(1024);
  private vals = new Float32Array(1024);
  private size = 0;

  constructor(readonly cols: number) {}

  push(col: number, value: number): void {
    if (this.size === this.idx.length) {
      const idx = new Int32Array(this.size * 2);
      idx.set(this.idx);
      this.idx = idx;
      const vals = new Float32Array(this.size * 2);
      vals.set(this.vals);
      this.vals = vals;
    }
    this.idx[this.size] = col;
    this.vals[this.size++] = value;
  }

  endRow(): void {
    this.ptr.push(this.size);
  }

  build(): SparseRows {
    return {
      rows: this.ptr.length - 1,
      cols: this.cols,
      ptr: Int32Array.from(this.ptr),
      idx: this.idx.slice(0, this.size),
      vals: this.vals.slice(0, this.size),
    };
  }
}

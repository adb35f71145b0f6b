/**
 * Nearest-neighbour search over item vectors by inner product (a port: the
 * hnswlib implementation lives in core/infra). Serving uses it to shortlist
 * candidates on large catalogs, then scores the shortlist exactly.
 */
export interface VectorIndex {
  readonly dimensions: number;
  /** Item indices of the (approximately) `k` largest inner products with `query`, best first. */
  search(query: Float32Array, k: number): Int32Array;
  /**
   * search(queries[n], k[n]) for each n, the same items, in one call: an
   * index may share work between the queries (the recompute worker's
   * batches of people).
   */
  searchMany(queries: readonly Float32Array[], k: readonly number[]): Int32Array[];
}

/** Exact search by scanning every vector: the reference for tests and tiny catalogs. */
export class BruteForceIndex implements VectorIndex {
  constructor(
    private readonly vectors: Float32Array,
    readonly dimensions: number,
  ) {}

  search(query: Float32Array, k: number): Int32Array {
    const n = this.vectors.length / this.dimensions;
    const scores = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < this.dimensions; j++) s += query[j]! * this.vectors[i * this.dimensions + j]!;
      scores[i] = s;
    }
    return Int32Array.from([...scores.keys()].sort((a, b) => scores[b]! - scores[a]!).slice(0, k));
  }

  searchMany(queries: readonly Float32Array[], k: readonly number[]): Int32Array[] {
    return queries.map((query, n) => this.search(query, k[n]!));
  }
}

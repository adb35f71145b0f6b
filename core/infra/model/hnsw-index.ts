import hnswlib from 'hnswlib-node';
import type { VectorIndex } from '../../domain/recommender/vector-index.ts';

const { HierarchicalNSW } = hnswlib;

/** hnswlib's inner-product HNSW over item vectors (rows of `vectors`). */
export class HnswIndex implements VectorIndex {
  private constructor(
    private readonly index: InstanceType<typeof HierarchicalNSW>,
    readonly dimensions: number,
    /** The search breadth a shortlist gets at least. */
    private readonly ef: number,
  ) {}

  static build(vectors: Float32Array, dimensions: number, opts = { m: 16, efConstruction: 200, ef: 200 }): HnswIndex {
    const count = vectors.length / dimensions;
    const index = new HierarchicalNSW('ip', dimensions);
    index.initIndex(count, opts.m, opts.efConstruction, 42);
    for (let i = 0; i < count; i++) index.addPoint(Array.from(vectors.subarray(i * dimensions, (i + 1) * dimensions)), i);
    index.setEf(opts.ef);
    return new HnswIndex(index, dimensions, opts.ef);
  }

  static async read(file: string, dimensions: number, ef = 200): Promise<HnswIndex> {
    const index = new HierarchicalNSW('ip', dimensions);
    await index.readIndex(file);
    index.setEf(ef);
    return new HnswIndex(index, dimensions, ef);
  }

  async write(file: string): Promise<void> {
    await this.index.writeIndex(file);
  }

  search(query: Float32Array, k: number): Int32Array {
    const n = Math.min(k, this.index.getCurrentCount());
    // Per search: a wide search (a 50-movie ready list) must not leave every later one paying its ef.
    const ef = Math.max(this.ef, n);
    if (this.index.getEf() !== ef) this.index.setEf(ef);
    return Int32Array.from(this.index.searchKnn(Array.from(query), n).neighbors);
  }

  /** One search after another: hnswlib has no batch search. */
  searchMany(queries: readonly Float32Array[], k: readonly number[]): Int32Array[] {
    return queries.map((query, n) => this.search(query, k[n]!));
  }
}

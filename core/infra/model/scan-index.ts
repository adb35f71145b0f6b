import type { VectorIndex } from '../../domain/recommender/vector-index.ts';
import { bestIndices } from '../../domain/top-k.ts';
import { instantiateKernel } from './wasm-kernel.ts';

/** scan-kernel.wat's functions. */
interface ScanKernel {
  scores4x2(v: number, items: number, dims: number, q: number, out: number, outStride: number): void;
  scores1x4(v: number, items: number, dims: number, q: number, out: number): void;
}

/** An item coordinate's largest magnitude: 12 bits (see {@link quantizeQuery} for why not 15). */
const ITEM_MAX = 4095;
/** Queries scanned per pass over the items (scores4x2). */
const BATCH = 4;

/**
 * Catalogs up to this many items are served by {@link ScanIndex}, larger ones
 * by HNSW. On a small catalog a scan is faster than hnswlib and misses fewer
 * of the exact shortlist; its cost grows with the catalog, HNSW's barely, and
 * this is about where a lone scan would cost what hnswlib does (an estimate
 * from the per-item cost; bench:speed compares the two, the README has the
 * figures).
 */
export const SCAN_MAX_ITEMS = 20_000;

/**
 * Nearest items by inner product, found by scanning every item: the vectors
 * quantized to int16 (12 significant bits per coordinate, scaled per
 * dimension) and scored eight products per WebAssembly SIMD instruction.
 *
 * Scores are exact integer sums, so a query gets the same items whether it is
 * searched alone or in a batch; the quantization only decides near-ties, and
 * the scan keeps more of the float shortlist than HNSW does (bench:speed).
 */
export class ScanIndex implements VectorIndex {
  private readonly kernel: ScanKernel & { memory: WebAssembly.Memory };
  private readonly items: number;
  /** Padded sizes: rows of a multiple of 8 coordinates, a multiple of 4 rows. */
  private readonly dimsPadded: number;
  private readonly itemsPadded: number;
  /** Per-dimension scale: item coordinate j is stored as round(v_j / scale_j · ITEM_MAX). */
  private readonly scale: Float64Array;
  private readonly queryPtr: number;
  private readonly outPtr: number;

  constructor(
    vectors: Float32Array,
    readonly dimensions: number,
  ) {
    if (!Number.isInteger(dimensions) || dimensions <= 0 || vectors.length % dimensions !== 0) {
      throw new Error(`${vectors.length} values are not rows of ${dimensions}`);
    }
    const items = vectors.length / dimensions;
    this.items = items;
    this.dimsPadded = Math.ceil(dimensions / 8) * 8;
    this.itemsPadded = Math.ceil(items / 4) * 4;
    const itemBytes = this.itemsPadded * this.dimsPadded * 2;
    this.queryPtr = itemBytes;
    this.outPtr = this.queryPtr + BATCH * this.dimsPadded * 2;
    const bytes = this.outPtr + BATCH * this.itemsPadded * 4;
    this.kernel = instantiateKernel<ScanKernel>('scan-kernel', bytes);

    this.scale = new Float64Array(dimensions);
    for (let p = 0; p < vectors.length; p++) {
      const v = Math.abs(vectors[p]!);
      const j = p % dimensions;
      if (Number.isFinite(v) && v > this.scale[j]!) this.scale[j] = v;
    }
    const rows = new Int16Array(this.kernel.memory.buffer, 0, this.itemsPadded * this.dimsPadded);
    for (let i = 0; i < items; i++) {
      for (let j = 0; j < dimensions; j++) {
        const v = vectors[i * dimensions + j]!;
        rows[i * this.dimsPadded + j] = this.scale[j]! > 0 && Number.isFinite(v) ? Math.round((v / this.scale[j]!) * ITEM_MAX) : 0;
      }
    }
  }

  search(query: Float32Array, k: number): Int32Array {
    this.quantizeQuery(query, 0);
    this.kernel.scores1x4(0, this.itemsPadded, this.dimsPadded, this.queryPtr, this.outPtr);
    return bestIndices(this.scores(0), this.items, k);
  }

  searchMany(queries: readonly Float32Array[], k: readonly number[]): Int32Array[] {
    const out: Int32Array[] = [];
    let r = 0;
    // Four queries a pass over the items; their scores are picked from while still in cache.
    for (; r + 4 <= queries.length; r += 4) {
      for (let b = 0; b < 4; b++) this.quantizeQuery(queries[r + b]!, b);
      this.kernel.scores4x2(0, this.itemsPadded, this.dimsPadded, this.queryPtr, this.outPtr, this.itemsPadded);
      for (let b = 0; b < 4; b++) out.push(bestIndices(this.scores(b), this.items, k[r + b]!));
    }
    for (; r < queries.length; r++) out.push(this.search(queries[r]!, k[r]!));
    return out;
  }

  private scores(row: number): Int32Array {
    return new Int32Array(this.kernel.memory.buffer, this.outPtr + row * this.itemsPadded * 4, this.itemsPadded);
  }

  /**
   * Writes query row `row` as int16: coordinate j times the item scale_j, then
   * one factor for the whole row, as large as both limits allow: every
   * coordinate within int16, and Σ|q_j| · ITEM_MAX within int32, so that no
   * score can overflow (12 bits for items leaves the query 11 to 15 bits,
   * more where its weight is concentrated). Non-finite coordinates count as 0.
   */
  private quantizeQuery(query: Float32Array, row: number): void {
    const { dimensions } = this;
    const scaled = new Float64Array(dimensions);
    let largest = 0;
    let total = 0;
    for (let j = 0; j < dimensions; j++) {
      const v = query[j]! * this.scale[j]!;
      if (!Number.isFinite(v)) continue;
      scaled[j] = v;
      largest = Math.max(largest, Math.abs(v));
      total += Math.abs(v);
    }
    const out = new Int16Array(this.kernel.memory.buffer, this.queryPtr + row * this.dimsPadded * 2, this.dimsPadded);
    out.fill(0);
    if (largest === 0) return;
    // Rounding adds at most ½ per coordinate to Σ|q_j|: that margin is kept free.
    const factor = Math.min(32_767 / largest, (Math.floor(0x7fffffff / ITEM_MAX) - this.dimsPadded) / total);
    for (let j = 0; j < dimensions; j++) out[j] = Math.round(scaled[j]! * factor);
  }
}

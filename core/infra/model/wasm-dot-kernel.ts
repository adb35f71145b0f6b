import { JsDotKernel, type DotKernel, type DotKernelFactory } from '../../domain/recommender/dot-kernel.ts';
import { aligned, instantiateKernel } from './wasm-kernel.ts';

/** dot-kernel.wat's functions (pointers are byte offsets into its memory). */
interface DotFunctions {
  accumulate(v: number, stride: number, q: number, rows: number, count: number, from: number, to: number, acc: number): void;
  bestLikes(v: number, stride: number, picks: number, count: number, w: number, likes: number, dims: number, like: number, score: number): void;
}

/** Liked vectors an explanation can hold in the kernel's memory; a profile with more is explained in JS. */
const LIKES_ROOM = 512;

/**
 * The DotKernel port in WebAssembly SIMD (dot-kernel.wat): the model's
 * vectors live in the kernel's memory, with room after them for a query, a
 * shortlist's rows and accumulators, and the liked vectors of an
 * explanation. The memory is sized once and never grows (growing would
 * detach the `vectors` the model holds). Each sum is the plain-JS one's to
 * the bit (wasm-dot-kernel.test.ts); on ml-latest-small the shortlist
 * scoring and explanations take about a quarter of the JS time.
 */
export class WasmDotKernel implements DotKernel {
  readonly vectors: Float32Array;
  private readonly wasm: DotFunctions & { memory: WebAssembly.Memory };
  private readonly q: Float64Array;
  private readonly rows: Int32Array;
  private readonly acc: Float64Array;
  private readonly picks: Int32Array;
  private readonly like: Int32Array;
  private readonly score: Float64Array;
  private readonly weighted: Float64Array;
  /** The same vectors through plain loops, for what does not fit the memory's room. */
  private readonly js: JsDotKernel;

  constructor(
    private readonly items: number,
    readonly stride: number,
  ) {
    const at: number[] = [];
    let bytes = 0;
    const room = (size: number) => {
      at.push(bytes);
      bytes += aligned(size);
      return at[at.length - 1]!;
    };
    const v = room(items * stride * 4);
    const q = room(stride * 8);
    const rows = room(items * 4);
    const acc = room(items * 32);
    const picks = room(items * 4);
    const like = room(items * 4);
    const score = room(items * 8);
    const weighted = room(LIKES_ROOM * stride * 8);
    this.wasm = instantiateKernel<DotFunctions>('dot-kernel', bytes);
    const { buffer } = this.wasm.memory;
    this.vectors = new Float32Array(buffer, v, items * stride);
    this.q = new Float64Array(buffer, q, stride);
    this.rows = new Int32Array(buffer, rows, items);
    this.acc = new Float64Array(buffer, acc, items * 4);
    this.picks = new Int32Array(buffer, picks, items);
    this.like = new Int32Array(buffer, like, items);
    this.score = new Float64Array(buffer, score, items);
    this.weighted = new Float64Array(buffer, weighted, LIKES_ROOM * stride);
    this.js = new JsDotKernel(items, stride, this.vectors);
  }

  useQuery(q: Float64Array): void {
    this.q.set(q.subarray(0, this.stride));
  }

  accumulate(rows: ArrayLike<number>, count: number, from: number, to: number, acc: Float64Array): void {
    if (count > this.items) {
      this.js.useQuery(this.q);
      return this.js.accumulate(rows, count, from, to, acc);
    }
    for (let c = 0; c < count; c++) this.rows[c] = rows[c]!;
    this.acc.set(acc.subarray(0, count * 4));
    this.wasm.accumulate(this.vectors.byteOffset, this.stride, this.q.byteOffset, this.rows.byteOffset, count, from, to, this.acc.byteOffset);
    acc.set(this.acc.subarray(0, count * 4));
  }

  bestLikes(picks: readonly number[], weighted: Float64Array, likes: number, dims: number): { like: Int32Array; score: Float64Array } {
    const count = picks.length;
    if (count > this.items || likes * dims > this.weighted.length) return this.js.bestLikes(picks, weighted, likes, dims);
    this.picks.set(picks);
    this.weighted.set(weighted.subarray(0, likes * dims));
    this.wasm.bestLikes(
      this.vectors.byteOffset,
      this.stride,
      this.picks.byteOffset,
      count,
      this.weighted.byteOffset,
      likes,
      dims,
      this.like.byteOffset,
      this.score.byteOffset,
    );
    return { like: this.like.slice(0, count), score: this.score.slice(0, count) };
  }
}

export const wasmDotKernel: DotKernelFactory = (items, stride) => new WasmDotKernel(items, stride);

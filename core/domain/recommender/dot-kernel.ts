import { bestLike } from './dot-product.ts';

/**
 * The inner products an answer spends its time in (scoring the shortlist,
 * and in the worker's batches explaining the picks), as a port: the plain-JS
 * implementation below is the reference, and core/infra's WebAssembly one
 * computes the very same sums, bit for bit (each product in float64, added
 * into the same four accumulators in the same order), several times faster.
 *
 * A kernel owns the model's item vectors (items × stride floats, stride a
 * multiple of 4) so it can read them where it computes.
 */
export interface DotKernel {
  /** The item vectors, zeroed: the model fills them once. */
  readonly vectors: Float32Array;
  readonly stride: number;
  /** The query (stride float64s, copied) that later {@link accumulate} calls multiply by. */
  useQuery(q: Float64Array): void;
  /**
   * For each c < count and m < 4: acc[4c + m] += Σ q[j] · vectors[rows[c]·stride + j]
   * over j = from + m, from + m + 4, … < to, in increasing j (from and to
   * multiples of 4). Starting from zeros, acc holds the four accumulators of
   * a dot product; finishing from `from` continues them.
   */
  accumulate(rows: ArrayLike<number>, count: number, from: number, to: number, acc: Float64Array): void;
  /**
   * For each pick (an item): the like (row l of `weighted`, likes × dims)
   * whose inner product with the pick's first `dims` coordinates is the
   * largest, as {@link bestLike} sums and compares them (the earlier like
   * wins a tie); −1 and −∞ when there are no likes.
   */
  bestLikes(picks: readonly number[], weighted: Float64Array, likes: number, dims: number): { like: Int32Array; score: Float64Array };
}

/** Makes a kernel for a model of `items` × `stride`. */
export type DotKernelFactory = (items: number, stride: number) => DotKernel;

/** The reference kernel: plain loops over a Float32Array. */
export class JsDotKernel implements DotKernel {
  readonly vectors: Float32Array;
  private q = new Float64Array(0);

  constructor(
    items: number,
    readonly stride: number,
    vectors: Float32Array = new Float32Array(items * stride),
  ) {
    this.vectors = vectors;
  }

  useQuery(q: Float64Array): void {
    this.q = Float64Array.from(q.subarray(0, this.stride));
  }

  accumulate(rows: ArrayLike<number>, count: number, from: number, to: number, acc: Float64Array): void {
    const { q, vectors, stride } = this;
    for (let c = 0; c < count; c++) {
      let s0 = acc[4 * c]!;
      let s1 = acc[4 * c + 1]!;
      let s2 = acc[4 * c + 2]!;
      let s3 = acc[4 * c + 3]!;
      for (let j = from, p = rows[c]! * stride + from; j < to; j += 4, p += 4) {
        s0 += q[j]! * vectors[p]!;
        s1 += q[j + 1]! * vectors[p + 1]!;
        s2 += q[j + 2]! * vectors[p + 2]!;
        s3 += q[j + 3]! * vectors[p + 3]!;
      }
      acc[4 * c] = s0;
      acc[4 * c + 1] = s1;
      acc[4 * c + 2] = s2;
      acc[4 * c + 3] = s3;
    }
  }

  bestLikes(picks: readonly number[], weighted: Float64Array, likes: number, dims: number): { like: Int32Array; score: Float64Array } {
    const positions = Array.from({ length: likes }, (_, l) => l);
    const like = new Int32Array(picks.length);
    const score = new Float64Array(picks.length);
    picks.forEach((item, n) => {
      const best = bestLike(weighted, positions, this.vectors, item * this.stride, dims);
      like[n] = best.like;
      score[n] = best.score;
    });
    return { like, score };
  }
}

export const jsDotKernel: DotKernelFactory = (items, stride) => new JsDotKernel(items, stride);

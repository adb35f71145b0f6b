import { nearestGridIndex, normalisers, type EaseFactors } from './ease-factors.ts';
import { DEFAULT_DISCOVER, headRows, type DiscoverParams } from './discover-params.ts';
import type { DotKernel, DotKernelFactory } from './dot-kernel.ts';
import { lambdaFor, type ServingParams } from './serving-params.ts';
import type { TasteProfile } from './types.ts';

/** The λ the shortlist index is built for; exact scoring then uses each user's own λ. */
export const INDEX_LAMBDA = 800;

/**
 * What every serving path (one person, a batch, a group, an explanation)
 * reads of a trained model: the eigen-vectors cut to the serving rank, EASE's
 * per-item normalisers for the λs a profile can reach, and the row of each
 * movie. Made once per model; never changed after.
 */
export class ServingModel {
  /** MovieLens id → item row. */
  readonly rowOf = new Map<number, number>();
  readonly items: number;
  /** Eigen-directions a score sums over (≤ the model's rank). */
  readonly rank: number;
  /** `rank` padded to a multiple of 4: the row length of {@link vectors}. */
  readonly stride: number;
  /** Eigen-directions of the shortlist index and of the explanations: the leading ones carry the similarity. */
  readonly indexDimensions: number;
  /** Holds {@link vectors} and computes the scores with them (a WebAssembly kernel when served from disk). */
  readonly kernel: DotKernel;
  /** items × stride: each item's eigen-vector at serving rank, zero-padded. */
  readonly vectors: Float32Array;
  /** λ grid × items: EASE's per-item normaliser at each grid point. */
  readonly norms: Float32Array;
  /** log(1 + positives), scaled to at most 1: the popularity prior. */
  readonly logPopularity: Float32Array;
  /** Item rows, most positives first: what someone with no likes yet is offered. */
  readonly popularOrder: number[];
  /** 0 … items − 1: the rows an exact (index-less) fold scores. */
  readonly allRows: Int32Array;
  /** How a `discover` list differs. */
  readonly discover: DiscoverParams;
  /** 1 for the rows of the discover head (the most liked films), 0 for the others. */
  readonly head: Uint8Array;

  constructor(
    readonly factors: EaseFactors,
    readonly params: ServingParams,
    kernel: DotKernelFactory,
  ) {
    const { itemIds, popularity } = factors;
    itemIds.forEach((id, row) => this.rowOf.set(id, row));
    this.items = itemIds.length;
    this.rank = Math.min(params.servingRank, factors.rank);
    this.stride = Math.ceil(this.rank / 4) * 4;
    this.indexDimensions = Math.min(params.indexRank, this.rank);
    this.discover = params.discover ?? DEFAULT_DISCOVER;
    const knots = params.lambdaKnots.map(([, lambda]) => lambda);
    const reachable = [INDEX_LAMBDA, ...knots, Math.min(this.discover.lambdaCap, ...knots)].map(nearestGridIndex);
    this.norms = normalisers(factors, this.rank, params.normaliserPower, Math.min(...reachable), Math.max(...reachable));
    this.kernel = kernel(this.items, this.stride);
    this.vectors = this.kernel.vectors;
    for (let row = 0; row < this.items; row++) {
      const from = row * factors.rank;
      this.vectors.set(factors.vectors.subarray(from, from + this.rank), row * this.stride);
    }
    // A loop, not Math.max(...): spreading the popularity of a large catalog overflows the call stack.
    const maxLog = Math.log1p(popularity.reduce((a, b) => Math.max(a, b), 1));
    this.logPopularity = popularity.map((positives) => Math.log1p(positives) / maxLog);
    const ranked = [...popularity.entries()].sort(([, a], [, b]) => b - a);
    this.popularOrder = ranked.map(([row]) => row);
    this.allRows = Int32Array.from({ length: this.items }, (_, row) => row);
    this.head = headRows(this.popularOrder, this.items, this.discover.head);
  }

  /** The rows of the movies this model knows, each once, in the order given. */
  rowsOf(ids: readonly number[]): number[] {
    const rows: number[] = [];
    for (const id of ids) {
      const row = this.rowOf.get(id);
      if (row !== undefined && !rows.includes(row)) rows.push(row);
    }
    return rows;
  }

  /** Rows nobody in `profiles` should be offered again: their likes, 👎 and seen movies. */
  excludedRows(profiles: readonly TasteProfile[]): Set<number> {
    const excluded = new Set<number>();
    for (const profile of profiles) {
      for (const id of [...profile.likes, ...(profile.dislikes ?? []), ...(profile.seen ?? [])]) {
        const row = this.rowOf.get(id);
        if (row !== undefined) excluded.add(row);
      }
    }
    return excluded;
  }

  /** λ for a profile of this size (at most `cap`), snapped to its grid point. */
  lambdaPoint(profile: TasteProfile, likes: number, cap = Infinity): number {
    const size = likes + this.params.seenWeight * (profile.seen?.length ?? 0);
    return nearestGridIndex(Math.min(lambdaFor(size, this.params), cap));
  }

  /** The movie id of an item row. */
  movieId(row: number): number {
    const id = this.factors.itemIds[row];
    if (id === undefined) throw new RangeError(`item row ${row} is outside the model's ${this.items}`);
    return id;
  }
}

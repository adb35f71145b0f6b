import {
  LAMBDA_GRID,
  nearestGridIndex,
  normalisers,
  shrinkage,
  type EaseFactors,
} from './ease-factors.ts';
import { PrunedFold } from './batch-fold.ts';
import { jsDotKernel, type DotKernel, type DotKernelFactory } from './dot-kernel.ts';
import { bestLike } from './dot-product.ts';
import { aggregateGroup, type GroupStrategy } from './group-aggregation.ts';
import { GroupShortlist } from './group-shortlist.ts';
import { lambdaFor, type ServingParams } from './serving-params.ts';
import { topK } from './top-k.ts';
import type { Recommendation, Recommender, TasteProfile } from './types.ts';
import type { VectorIndex } from './vector-index.ts';

/** The λ the shortlist index is built for; exact scoring then uses each user's own λ. */
const INDEX_LAMBDA = 800;

export type { GroupStrategy };

/** What an explanation needs of a folded-in profile. */
interface Explainable {
  likes: number[];
  /** q before dividing by the normaliser, per like, for explanations. */
  shrink: Float32Array;
  /** likes × dims: each liked vector times `shrink`, made once for all the explanations of an answer. */
  weighted?: Float64Array;
}

interface Query extends Explainable {
  /** Σ likes − 👎 in the eigen-space, shrunk at λ grid point `g`; item k scores q·V_k / (norm_g[k]·s_k). */
  q: Float64Array;
  g: number;
  dislikes: number[];
}

interface Folded extends Explainable {
  /** Item index → EASE score (higher is better). */
  scores: Float32Array;
}

/**
 * Serves an EASE model from its eigenpairs: a profile is folded in with no
 * retraining in O(items × rank), or O(shortlist × rank) with an index.
 * Likes add, 👎 subtract (so movies similar to a disliked one move down),
 * seen movies are only excluded.
 */
export class EaseRecommender implements Recommender {
  private readonly index = new Map<number, number>();
  private readonly norms: Float32Array;
  private readonly rank: number;
  private readonly logPopularity: Float32Array;
  private readonly popularOrder: number[];
  /** items × rank copy of the vectors at serving rank (rank padded to a multiple of 4). */
  private readonly compact: Float32Array;
  private readonly stride: number;
  private shortlistIndex: VectorIndex | undefined;
  private groupShortlist: GroupShortlist | undefined;

  /** Holds `compact` and computes the scores with it (a WebAssembly kernel when served from disk). */
  private readonly kernel: DotKernel;

  /** @param kernel - where the serving vectors live and the scores' inner products run (plain JS by default). */
  constructor(
    readonly factors: EaseFactors,
    readonly params: ServingParams,
    kernel: DotKernelFactory = jsDotKernel,
  ) {
    factors.itemIds.forEach((id, i) => this.index.set(id, i));
    this.rank = Math.min(params.servingRank, factors.rank);
    const reachable = [INDEX_LAMBDA, ...params.lambdaKnots.map(([, lambda]) => lambda)].map(nearestGridIndex);
    this.norms = normalisers(factors, this.rank, params.normaliserPower, Math.min(...reachable), Math.max(...reachable));
    this.stride = Math.ceil(this.rank / 4) * 4;
    this.kernel = kernel(factors.itemIds.length, this.stride);
    this.compact = this.kernel.vectors;
    for (let k = 0; k < factors.itemIds.length; k++) {
      this.compact.set(factors.vectors.subarray(k * factors.rank, k * factors.rank + this.rank), k * this.stride);
    }
    // A loop, not Math.max(...): spreading 87k values (ml-32m) overflows the call stack.
    const maxLog = Math.log1p(factors.popularity.reduce((a, b) => Math.max(a, b), 1));
    this.logPopularity = factors.popularity.map((p) => Math.log1p(p) / maxLog);
    this.popularOrder = [...factors.popularity.keys()].sort((a, b) => factors.popularity[b]! - factors.popularity[a]!);
  }

  /**
   * Item vectors for a nearest-neighbour index: V_k / (c_k · s_k) at a
   * reference λ, so that q · u_k is item k's score up to the per-λ normaliser.
   */
  indexVectors(): { vectors: Float32Array; dimensions: number } {
    const n = this.factors.itemIds.length;
    const g = nearestGridIndex(INDEX_LAMBDA);
    const dims = this.indexDimensions;
    const out = new Float32Array(n * dims);
    for (let k = 0; k < n; k++) {
      const d = this.norms[g * n + k]! * this.factors.itemScale[k]!;
      for (let j = 0; j < dims; j++) out[k * dims + j] = this.compact[k * this.stride + j]! / d;
    }
    return { vectors: out, dimensions: dims };
  }

  /** Dimensions of {@link indexVectors}: the leading `indexRank` directions. */
  get indexDimensions(): number {
    return Math.min(this.params.indexRank, this.rank);
  }

  /** With an index, a recommendation scores a shortlist instead of the whole catalog. */
  attachIndex(index: VectorIndex): void {
    if (index.dimensions !== this.indexDimensions) {
      throw new Error(`index has ${index.dimensions} dimensions, model ${this.indexDimensions}`);
    }
    this.shortlistIndex = index;
    const { compact: vectors, stride, norms } = this;
    const { itemIds, itemScale: scale } = this.factors;
    this.groupShortlist = new GroupShortlist({ vectors, stride, items: itemIds.length, norms, scale, index });
  }

  /**
   * @param options.popular - movie ids popular where the user is (their
   *   server), offered first to someone with no likes yet.
   */
  recommend(profile: TasteProfile, k: number, options: { popular?: readonly number[] } = {}): Recommendation[] {
    const excluded = this.excludedOf([profile]);
    const folded = this.fold(profile, this.shortlistFor(k, excluded));
    if (!folded) return this.popular(k, excluded, options.popular);
    return topK(folded.scores, k, excluded).map(({ index, score }) => ({
      movieId: this.factors.itemIds[index]!,
      score,
      because: this.because(index, [folded]),
    }));
  }

  recommendGroup(members: readonly TasteProfile[], k: number): Recommendation[] {
    return this.recommendGroupWith('average-without-misery', members, k);
  }

  /**
   * One list for several people (see {@link aggregateGroup} for the strategies).
   * With an index, members are scored only on the group's shortlist and their
   * spread estimated from a sample ({@link GroupShortlist}): ~members × 1k items
   * scored instead of members × the catalog. A popularity prior needs each
   * member's largest score over the catalog, so it keeps the exact path.
   */
  recommendGroupWith(strategy: GroupStrategy, members: readonly TasteProfile[], k: number): Recommendation[] {
    const excluded = this.excludedOf(members);
    if (this.groupShortlist && this.params.popularityWeight === 0) {
      const queries = members.map((m) => this.query(m)).filter((q): q is Query => q !== null);
      if (queries.length === 0) return this.popular(k, excluded);
      return this.groupShortlist.pick(strategy, queries, excluded, k, this.params.miseryThreshold).map(({ index, score }) => ({
        movieId: this.factors.itemIds[index]!,
        score,
        because: this.because(index, queries),
      }));
    }
    const folded = members.map((m) => this.fold(m)).filter((f): f is Folded => f !== null);
    if (folded.length === 0) return this.popular(k, excluded);
    const picks = aggregateGroup(strategy, folded.map((f) => f.scores), excluded, k, this.params.miseryThreshold);
    return picks.map(({ index, score }) => ({
      movieId: this.factors.itemIds[index]!,
      score,
      because: this.because(index, folded),
    }));
  }

  /** Scores every item, or only the index's shortlist of `shortlist` items (others −∞). */
  private fold(profile: TasteProfile, shortlist = 0): Folded | null {
    const folded = this.query(profile);
    return folded && this.score(folded, shortlist);
  }

  /** A profile as a query in the eigen-space, at its own λ (grid point `g`); no item scored yet. */
  private query(profile: TasteProfile): Query | null {
    const likes = this.known(profile.likes);
    const dislikes = this.known(profile.dislikes ?? []);
    if (likes.length === 0 && dislikes.length === 0) return null;
    const { compact: vectors, stride } = this;
    const r = this.rank;
    const size = likes.length + this.params.seenWeight * (profile.seen?.length ?? 0);
    const g = nearestGridIndex(lambdaFor(size, this.params));
    const f = shrinkage(this.factors.values, LAMBDA_GRID[g]!, r);
    const scale = this.factors.itemScale;
    const q = new Float64Array(stride);
    const sum = (items: number[], weight: number, discount = 0) => {
      const a = new Float64Array(r);
      for (const i of items) {
        const w = weight * scale[i]! * (1 + this.factors.popularity[i]!) ** -discount;
        for (let j = 0; j < r; j++) a[j] = a[j]! + w * vectors[i * stride + j]!;
      }
      return a;
    };
    const liked = sum(likes, 1, this.params.likePopularityDiscount);
    const disliked = sum(dislikes, this.params.dislikeWeight);
    const fd = shrinkage(this.factors.values, Math.max(this.params.dislikeLambda, LAMBDA_GRID[g]!), r);
    for (let j = 0; j < r; j++) q[j] = liked[j]! * f[j]! - disliked[j]! * fd[j]!;
    return { q, g, likes, dislikes, shrink: f };
  }

  private score({ q, g, likes, shrink: f }: Query, shortlist: number): Folded {
    const scale = this.factors.itemScale;
    const n = this.factors.itemIds.length;
    const norms = this.norms.subarray(g * n, g * n + n);
    const candidates =
      shortlist > 0 && this.shortlistIndex
        ? this.shortlistIndex.search(Float32Array.from(q.subarray(0, this.indexDimensions)), shortlist)
        : (this.allItems ??= Int32Array.from({ length: n }, (_, i) => i));
    const scores = new Float32Array(n).fill(-Infinity);
    const count = candidates.length;
    const acc = new Float64Array(count * 4);
    this.kernel.useQuery(q);
    this.kernel.accumulate(candidates, count, 0, this.stride, acc);
    let maxAbs = 0;
    for (let c = 0; c < count; c++) {
      const k = candidates[c]!;
      const s = (acc[4 * c]! + acc[4 * c + 1]! + acc[4 * c + 2]! + acc[4 * c + 3]!) / (norms[k]! * scale[k]!);
      scores[k] = s;
      if (Math.abs(s) > maxAbs) maxAbs = Math.abs(s);
    }
    const beta = this.params.popularityWeight;
    if (beta !== 0 && maxAbs > 0) {
      for (let k = 0; k < n; k++) {
        if (scores[k] !== -Infinity) scores[k] = scores[k]! / maxAbs + beta * this.logPopularity[k]!;
      }
    }
    return { scores, likes, shrink: f };
  }

  /** The liked movie contributing most to item k's score. */
  private because(k: number, folded: Explainable[]): number | null {
    const { compact: vectors, stride } = this;
    // The leading directions carry the similarity; all of them would cost likes × k × rank per answer.
    const dims = this.indexDimensions;
    let best = -Infinity;
    let bestItem = -1;
    for (const f of folded) {
      const { like, score } = bestLike((f.weighted ??= this.weighted(f, dims)), f.likes, vectors, k * stride, dims);
      if (score > best) {
        best = score;
        bestItem = like;
      }
    }
    return bestItem < 0 ? null : this.factors.itemIds[bestItem]!;
  }

  private weighted(f: Explainable, dims: number): Float64Array {
    const { compact: vectors, stride } = this;
    const out = new Float64Array(f.likes.length * dims);
    f.likes.forEach((i, l) => {
      for (let j = 0; j < dims; j++) out[l * dims + j] = vectors[i * stride + j]! * f.shrink[j]!;
    });
    return out;
  }

  private popular(k: number, excluded: ReadonlySet<number>, first: readonly number[] = []): Recommendation[] {
    const out: Recommendation[] = [];
    const taken = new Set(excluded);
    for (const id of first) {
      const i = this.index.get(id);
      if (out.length === k || i === undefined || taken.has(i)) continue;
      taken.add(i);
      out.push({ movieId: id, score: this.factors.popularity[i]!, because: null });
    }
    for (const i of this.popularOrder) {
      if (out.length === k) break;
      if (!taken.has(i)) out.push({ movieId: this.factors.itemIds[i]!, score: this.factors.popularity[i]!, because: null });
    }
    return out;
  }

  private known(ids: readonly number[]): number[] {
    const out: number[] = [];
    for (const id of ids) {
      const i = this.index.get(id);
      if (i !== undefined && !out.includes(i)) out.push(i);
    }
    return out;
  }

  private excludedOf(profiles: readonly TasteProfile[]): Set<number> {
    const out = new Set<number>();
    for (const p of profiles) {
      for (const id of [...p.likes, ...(p.dislikes ?? []), ...(p.seen ?? [])]) {
        const i = this.index.get(id);
        if (i !== undefined) out.add(i);
      }
    }
    return out;
  }

  /** Items the index shortlists for a k-long answer (0: no index, the whole catalog is scored). */
  private shortlistFor(k: number, excluded: ReadonlySet<number>): number {
    // 4k: a ready list (k = 50) shares the k ≤ 50 answers' shortlist, so its top 20 is the plain top 20;
    // it holds 99.7% of the exact top 50 on ml-latest-small (10k: 99.95%, at 2.5× the scoring).
    return this.shortlistIndex ? Math.max(200, 4 * k) + excluded.size : 0;
  }

  private pruned: PrunedFold | undefined;
  /** 0 … items − 1: the rows an exact (index-less) fold scores. */
  private allItems: Int32Array | undefined;

  /**
   * Ready lists for several people (the recompute worker's micro-batches):
   * for each, the same picks, scores and explanations as recommend(profile, k),
   * with the shortlists searched in one call and less of each scored in full
   * ({@link PrunedFold}).
   */
  recommendMany(profiles: readonly TasteProfile[], k: number): Recommendation[][] {
    const index = this.shortlistIndex;
    // A popularity prior normalises by the largest shortlisted score, so every score is needed: the plain path.
    if (!index || this.params.popularityWeight !== 0) return profiles.map((p) => this.recommend(p, k));
    const { kernel, norms } = this;
    const { itemIds: ids, itemScale: scale } = this.factors;
    const pruned = (this.pruned ??= new PrunedFold({ kernel, items: ids.length, norms, scale }));
    const dims = this.indexDimensions;
    const people = profiles.map((profile) => {
      const excluded = this.excludedOf([profile]);
      return { profile, excluded, query: this.query(profile) };
    });
    const searched = people.filter((p) => p.query);
    const shortlists = index.searchMany(
      searched.map((p) => Float32Array.from(p.query!.q.subarray(0, dims))),
      searched.map((p) => this.shortlistFor(k, p.excluded)),
    );
    const shortlistOf = new Map(searched.map((p, n) => [p, shortlists[n]!]));
    return people.map((person) => {
      const { profile, excluded, query } = person;
      const picks = query && pruned.top(query, shortlistOf.get(person)!, k, excluded);
      if (!query || !picks) return this.recommend(profile, k);
      const weighted = (query.weighted ??= this.weighted(query, dims));
      const { like } = kernel.bestLikes(picks.map((p) => p.index), weighted, query.likes.length, dims);
      return picks.map(({ index: i, score }, n) => ({ movieId: ids[i]!, score, because: like[n]! < 0 ? null : ids[query.likes[like[n]!]!]! }));
    });
  }
}

import { nearestGridIndex, type EaseFactors } from './ease-factors.ts';
import { jsDotKernel, type DotKernelFactory } from './dot-kernel.ts';
import type { GroupStrategy } from './group-aggregation.ts';
import { GroupShortlist } from './group-shortlist.ts';
import { BatchRecommender } from './recommend-batch.ts';
import { recommendGroup } from './recommend-group.ts';
import { recommendOne } from './recommend-one.ts';
import { INDEX_LAMBDA, ServingModel } from './serving-model.ts';
import type { ServingParams } from './serving-params.ts';
import { quickPickRound } from './quick-picker.ts';
import type { QuickPickAnswers, Recommendation, RecommendMode, RecommendOptions, Recommender, TasteProfile, WeightedProfile } from './types.ts';
import type { VectorIndex } from './vector-index.ts';
import { recommendWeightedGroup, zScoresOf } from './weighted-group.ts';

export type { GroupStrategy };

/**
 * Serves an EASE model from its eigenpairs: a profile is folded in with no
 * retraining in O(items × rank), or O(shortlist × rank) with an index.
 * Likes add, 👎 subtract (so movies similar to a disliked one move down),
 * seen movies are only excluded. Each path has its file: one person
 * (recommend-one.ts, fold-in.ts), a batch (recommend-batch.ts), a group
 * (recommend-group.ts), a weighted group with exclusions (weighted-group.ts),
 * the explanation (explain.ts).
 */
export class EaseRecommender implements Recommender {
  private readonly model: ServingModel;
  /** Shortlists a profile's candidates; without one every item is scored. */
  private shortlistIndex: VectorIndex | undefined;
  private groupShortlist: GroupShortlist | undefined;
  private batch: BatchRecommender | undefined;

  /** @param kernel - where the serving vectors live and the scores' inner products run (plain JS by default). */
  constructor(
    readonly factors: EaseFactors,
    readonly params: ServingParams,
    kernel: DotKernelFactory = jsDotKernel,
  ) {
    this.model = new ServingModel(factors, params, kernel);
  }

  /** Dimensions of {@link indexVectors}: the leading `indexRank` directions. */
  get indexDimensions(): number {
    return this.model.indexDimensions;
  }

  /**
   * Item vectors for a nearest-neighbour index: V_k / (c_k · s_k) at a
   * reference λ, so that q · u_k is item k's score up to the per-λ normaliser.
   */
  indexVectors(): { vectors: Float32Array; dimensions: number } {
    const { items, vectors, stride, norms, indexDimensions: dims } = this.model;
    const scale = this.factors.itemScale;
    const normsAtIndexLambda = norms.subarray(nearestGridIndex(INDEX_LAMBDA) * items);
    const indexVectors = new Float32Array(items * dims);
    for (let row = 0; row < items; row++) {
      const divisor = normsAtIndexLambda[row]! * scale[row]!;
      for (let j = 0; j < dims; j++) indexVectors[row * dims + j] = vectors[row * stride + j]! / divisor;
    }
    return { vectors: indexVectors, dimensions: dims };
  }

  /** With an index, a recommendation scores a shortlist instead of the whole catalog. */
  attachIndex(index: VectorIndex): void {
    if (index.dimensions !== this.indexDimensions) {
      throw new Error(`index has ${index.dimensions} dimensions, model ${this.indexDimensions}`);
    }
    const { vectors, stride, items, norms } = this.model;
    this.shortlistIndex = index;
    this.groupShortlist = new GroupShortlist({ vectors, stride, items, norms, scale: this.factors.itemScale, index });
    this.batch = new BatchRecommender(this.model, index);
  }

  /**
   * @param options.popular - movie ids popular where the user is (their
   *   server), offered first to someone with no likes yet.
   * @param options.mode - `discover` favours films outside the most liked (see discover.ts).
   */
  recommend(profile: TasteProfile, k: number, options: RecommendOptions = {}): Recommendation[] {
    return recommendOne(this.model, this.shortlistIndex, profile, k, options.popular, options.mode);
  }

  /** The quick picker's next round (see {@link quickPickRound}). */
  quickPicks(answers: QuickPickAnswers, size: number): number[] {
    return quickPickRound(this.model, answers, size);
  }

  recommendGroup(members: readonly TasteProfile[], k: number, options: { mode?: RecommendMode } = {}): Recommendation[] {
    return this.recommendGroupWith('average-without-misery', members, k, options.mode);
  }

  /** One list for several people with the given strategy (see {@link recommendGroup} in recommend-group.ts). */
  recommendGroupWith(strategy: GroupStrategy, members: readonly TasteProfile[], k: number, mode: RecommendMode = 'default'): Recommendation[] {
    return recommendGroup(this.model, this.groupShortlist, strategy, members, k, mode);
  }

  /** Each member's z-score of each movie (see weighted-group.ts): what a movie night ranks its candidates by. */
  zScoresOf(members: readonly TasteProfile[], movieIds: readonly number[]): number[][] {
    return zScoresOf(this.model, this.groupShortlist, members, movieIds);
  }

  /** The average without misery with weighted members and extra exclusions, near-duplicates thinned (see weighted-group.ts). */
  recommendWeightedGroup(members: readonly WeightedProfile[], k: number, exclude: ReadonlySet<number>): Recommendation[] {
    return recommendWeightedGroup(this.model, this.groupShortlist, members, k, exclude);
  }

  /**
   * Ready lists for several people: for each, exactly recommend(profile, k).
   * A popularity prior normalises by the largest shortlisted score, so every
   * score is needed: without an index or with a prior, the plain path.
   */
  recommendMany(profiles: readonly TasteProfile[], k: number): Recommendation[][] {
    if (!this.batch || this.params.popularityWeight !== 0) return profiles.map((profile) => this.recommend(profile, k));
    return this.batch.recommendMany(profiles, k);
  }
}

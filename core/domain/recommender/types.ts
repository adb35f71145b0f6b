/**
 * The recommender's contracts, shared by the trainer, the evaluation
 * protocols, the CLI and the use cases. Movies are named by MovieLens id
 * everywhere outside the model.
 */

/** Explicit ratings, column-wise (MovieLens scale 0.5–5). */
export interface RatingsTable {
  length: number;
  userIds: Int32Array;
  movieIds: Int32Array;
  ratings: Float32Array;
}

export interface CatalogMovie {
  id: number;
  title: string;
  year: number | null;
  genres: string[];
}

export interface MovieTag {
  movieId: number;
  tag: string;
}

/** Everything a model is trained from. */
export interface TrainingData {
  ratings: RatingsTable;
  movies: CatalogMovie[];
  tags: MovieTag[];
}

/** One person's taste, in MovieLens ids. */
export interface TasteProfile {
  likes: readonly number[];
  dislikes?: readonly number[];
  /** Already shown and skipped: never recommended again. */
  seen?: readonly number[];
}

export interface Recommendation {
  movieId: number;
  score: number;
  /** The liked movie this one most follows from, when there is one. */
  because: number | null;
}

/**
 * What a list is for: `default` the films the person most likely likes;
 * `discover` favours films outside the head (the most liked, which a
 * newcomer has most likely seen).
 */
export type RecommendMode = 'default' | 'discover';

export interface RecommendOptions {
  /** Movies popular where the person is (their server), offered first to someone with no likes. */
  popular?: readonly number[];
  mode?: RecommendMode;
}

/** A group member whose taste counts `weight` times as much as a member of weight 1 (weights > 0). */
export interface WeightedProfile {
  profile: TasteProfile;
  weight: number;
}

/** A trained model answering for one profile or a group. */
export interface Recommender {
  recommend(profile: TasteProfile, k: number, options?: RecommendOptions): Recommendation[];
  recommendGroup(members: readonly TasteProfile[], k: number, options?: { mode?: RecommendMode }): Recommendation[];
  /** recommend(profile, k) for each profile, where the model can do them together for less. */
  recommendMany?(profiles: readonly TasteProfile[], k: number): Recommendation[][];
  /**
   * The quick picker's next round for a newcomer: `size` well-known,
   * mutually different movie ids, none offered before. A model without one
   * is onboarded with its own top picks.
   */
  quickPicks?(answers: QuickPickAnswers, size: number): number[];
  /**
   * Each member's z-score of each movie: how many of their own standard
   * deviations their score lies above their mean score over the catalog
   * (members × movieIds). NaN where the model cannot tell: a movie it does
   * not know, a member with nothing to fold in. Movies in a profile are scored too.
   */
  zScoresOf?(members: readonly TasteProfile[], movieIds: readonly number[]): number[][];
  /**
   * recommendGroup's average without misery, each member's z-score counting
   * by their weight: k movies, best group score (the weighted mean z-score)
   * first, none in `exclude` or in a member's profile, and no two near
   * duplicates (sequels) while there are others to offer.
   */
  recommendWeightedGroup?(members: readonly WeightedProfile[], k: number, exclude: ReadonlySet<number>): Recommendation[];
}

/** What a newcomer answered the quick picker so far: every film offered in earlier rounds, and those they tapped. */
export interface QuickPickAnswers {
  offered: readonly number[];
  /** The offered films the person likes (a tap). */
  liked: readonly number[];
}

/** A positive is a rating ≥ 4.0; a dislike ≤ 2.0 (RECSYS.md). */
export const POSITIVE_MIN = 4.0;
export const DISLIKE_MAX = 2.0;

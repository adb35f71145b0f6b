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

/** A group member whose taste counts `weight` times as much as a member of weight 1 (weights > 0). */
export interface WeightedProfile {
  profile: TasteProfile;
  weight: number;
}

/** A trained model answering for one profile or a group. */
export interface Recommender {
  /** `options.popular`: movies popular where the person is (their server), offered first to someone with no likes. */
  recommend(profile: TasteProfile, k: number, options?: { popular?: readonly number[] }): Recommendation[];
  recommendGroup(members: readonly TasteProfile[], k: number): Recommendation[];
  /** recommend(profile, k) for each profile, where the model can do them together for less. */
  recommendMany?(profiles: readonly TasteProfile[], k: number): Recommendation[][];
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

/** A positive is a rating ≥ 4.0; a dislike ≤ 2.0 (RECSYS.md). */
export const POSITIVE_MIN = 4.0;
export const DISLIKE_MAX = 2.0;

/**
 * The user split of RECSYS.md: users shuffled into folds; each fold's users
 * are new to a model trained on everyone else's ratings (strong
 * generalization).
 */
import { DISLIKE_MAX, POSITIVE_MIN, type RatingsTable, type TrainingData } from '../recommender/types.ts';
import { shuffled, streamFor } from './random.ts';

/** A held-out user: what they rated, as the protocols need it (ids ascending). */
export interface TestUser {
  userId: number;
  /** Rated ≥ 4.0. */
  positives: number[];
  /** Rated ≤ 2.0. */
  dislikes: number[];
  /** Every rated movie. */
  rated: number[];
}

export interface Fold {
  index: number;
  /** This fold's users, by id. */
  testUsers: TestUser[];
  /**
   * The training data without this fold's users: every rating of the other
   * folds' users, all movies and tags. Built on each call (a 25M-row dataset
   * should not hold five copies), so call it once per fold.
   */
  train(): TrainingData;
}

export interface FoldOptions {
  /** Default 5. */
  folds?: number;
  seed: number;
}

/** Splits users into `folds` folds of near-equal size (sizes differ by at most one). */
export function makeFolds(data: TrainingData, { folds = 5, seed }: FoldOptions): Fold[] {
  if (!Number.isInteger(folds) || folds < 2) throw new RangeError(`folds must be an integer ≥ 2, got ${folds}`);
  const byUser = groupByUser(data.ratings);
  const users = shuffled(
    [...byUser.keys()].sort((a, b) => a - b),
    streamFor(seed, 'folds'),
  );
  const foldOf = new Map<number, number>();
  users.forEach((userId, position) => foldOf.set(userId, Math.floor((position * folds) / users.length)));

  return Array.from({ length: folds }, (_, index) => ({
    index,
    testUsers: users
      .filter((u) => foldOf.get(u) === index)
      .sort((a, b) => a - b)
      .map((userId) => testUser(userId, byUser.get(userId)!, data.ratings)),
    train: () => ({
      movies: data.movies,
      tags: data.tags,
      ratings: filterRatings(data.ratings, (userId) => foldOf.get(userId) !== index),
    }),
  }));
}

/** Row indices of each user's ratings, in file order. */
function groupByUser(ratings: RatingsTable): Map<number, number[]> {
  const rows = new Map<number, number[]>();
  for (let i = 0; i < ratings.length; i++) {
    const userId = ratings.userIds[i]!;
    let list = rows.get(userId);
    if (list === undefined) rows.set(userId, (list = []));
    list.push(i);
  }
  return rows;
}

function testUser(userId: number, rows: readonly number[], ratings: RatingsTable): TestUser {
  const user: TestUser = { userId, positives: [], dislikes: [], rated: [] };
  for (const i of rows) {
    const movieId = ratings.movieIds[i]!;
    const rating = ratings.ratings[i]!;
    user.rated.push(movieId);
    if (rating >= POSITIVE_MIN) user.positives.push(movieId);
    if (rating <= DISLIKE_MAX) user.dislikes.push(movieId);
  }
  for (const list of [user.positives, user.dislikes, user.rated]) list.sort((a, b) => a - b);
  return user;
}

function filterRatings(ratings: RatingsTable, keep: (userId: number) => boolean): RatingsTable {
  let length = 0;
  for (let i = 0; i < ratings.length; i++) if (keep(ratings.userIds[i]!)) length++;
  const out: RatingsTable = {
    length,
    userIds: new Int32Array(length),
    movieIds: new Int32Array(length),
    ratings: new Float32Array(length),
  };
  let j = 0;
  for (let i = 0; i < ratings.length; i++) {
    if (!keep(ratings.userIds[i]!)) continue;
    out.userIds[j] = ratings.userIds[i]!;
    out.movieIds[j] = ratings.movieIds[i]!;
    out.ratings[j] = ratings.ratings[i]!;
    j++;
  }
  return out;
}

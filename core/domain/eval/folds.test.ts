import { describe, expect, it } from 'vitest';
import type { TrainingData } from '../recommender/types.ts';
import { makeFolds } from './folds.ts';
import { syntheticData } from './synthetic-data.ts';

function userIdsOf(data: TrainingData): Set<number> {
  return new Set(data.ratings.userIds);
}

describe('makeFolds', () => {
  const data = syntheticData();
  const folds = makeFolds(data, { seed: 1 });

  it('puts every user in exactly one fold, in folds of near-equal size', () => {
    expect(folds).toHaveLength(5);
    const all = folds.flatMap((f) => f.testUsers.map((u) => u.userId));
    expect(all.sort((a, b) => a - b)).toEqual([...userIdsOf(data)].sort((a, b) => a - b));
    const sizes = folds.map((f) => f.testUsers.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it("trains on every rating of the other folds' users and none of the fold's", () => {
    for (const fold of folds) {
      const train = fold.train();
      const test = new Set(fold.testUsers.map((u) => u.userId));
      for (const userId of userIdsOf(train)) expect(test.has(userId)).toBe(false);
      const heldOut = fold.testUsers.reduce((n, u) => n + u.rated.length, 0);
      expect(train.ratings.length + heldOut).toBe(data.ratings.length);
      expect(train.movies).toBe(data.movies);
      expect(train.tags).toBe(data.tags);
    }
  });

  it('classifies ratings: ≥ 4.0 positive, ≤ 2.0 dislike, everything rated', () => {
    const edge: TrainingData = {
      movies: [],
      tags: [],
      ratings: {
        length: 5,
        userIds: Int32Array.from([1, 1, 1, 1, 2]),
        movieIds: Int32Array.from([40, 35, 20, 25, 1]),
        ratings: Float32Array.from([4, 3.5, 2, 2.5, 5]),
      },
    };
    const user = makeFolds(edge, { folds: 2, seed: 3 })
      .flatMap((f) => f.testUsers)
      .find((u) => u.userId === 1);
    expect(user).toEqual({ userId: 1, positives: [40], dislikes: [20], rated: [20, 25, 35, 40] });
  });

  it('is deterministic for a seed and changes with it', () => {
    const split = (seed: number) => makeFolds(data, { seed }).map((f) => f.testUsers.map((u) => u.userId));
    expect(split(1)).toEqual(split(1));
    expect(split(2)).not.toEqual(split(1));
  });

  it('accepts another fold count and refuses fewer than two', () => {
    expect(makeFolds(data, { folds: 3, seed: 1 })).toHaveLength(3);
    expect(() => makeFolds(data, { folds: 1, seed: 1 })).toThrow(RangeError);
  });
});

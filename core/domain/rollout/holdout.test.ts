import { describe, expect, it } from 'vitest';
import { popularityRecommender } from '../eval/popularity.ts';
import { syntheticData } from '../eval/synthetic-data.ts';
import type { RatingsTable, TrainingData } from '../recommender/types.ts';
import { holdOut, scoreSlice } from './holdout.ts';
import { decidePromotion } from './promotion.ts';

const data = syntheticData({ users: 300, movies: 80 });
const opts = { seed: 3, share: 0.3, maxUsers: 1000 };

function rows(r: RatingsTable): string[] {
  return Array.from({ length: r.length }, (_, i) => `${r.userIds[i]}:${r.movieIds[i]}:${r.ratings[i]}`).sort();
}

/** The same ratings in reverse row order (a database returns them in any order). */
function reversed(d: TrainingData): TrainingData {
  const r = d.ratings;
  return { ...d, ratings: { length: r.length, userIds: r.userIds.slice().reverse(), movieIds: r.movieIds.slice().reverse(), ratings: r.ratings.slice().reverse() } };
}

describe('holdOut', () => {
  it('takes exactly the targets out of training, for a seeded share of the users', () => {
    const { train, slice } = holdOut(data, opts);
    const eligible = new Set<number>();
    const positives = new Map<number, number>();
    for (let i = 0; i < data.ratings.length; i++) {
      if (data.ratings.ratings[i]! >= 4) positives.set(data.ratings.userIds[i]!, (positives.get(data.ratings.userIds[i]!) ?? 0) + 1);
    }
    for (const [u, n] of positives) if (n >= 5) eligible.add(u);
    expect(slice.length).toBeGreaterThan(eligible.size * 0.15);
    expect(slice.length).toBeLessThan(eligible.size * 0.45);
    const kept = new Set(rows(train.ratings).map((r) => r.split(':').slice(0, 2).join(':')));
    let targets = 0;
    for (const c of slice) {
      for (const m of c.targets) expect(kept.has(`${c.userId}:${m}`)).toBe(false);
      for (const m of c.profile.likes) expect(kept.has(`${c.userId}:${m}`)).toBe(true);
      targets += c.targets.size;
    }
    expect(train.ratings.length).toBe(data.ratings.length - targets);
  });

  it('depends on the seed and the users, not on the order rows were read in', () => {
    const a = holdOut(data, opts);
    const b = holdOut(reversed(data), opts);
    expect(b.slice).toEqual(a.slice);
    expect(rows(b.train.ratings)).toEqual(rows(a.train.ratings));
    expect(holdOut(data, { ...opts, seed: 4 }).slice.map((c) => c.userId)).not.toEqual(a.slice.map((c) => c.userId));
  });

  it('caps the users it holds out', () => {
    expect(holdOut(data, { ...opts, share: 1, maxUsers: 25 }).slice).toHaveLength(25);
  });

  it('scores a model that learned something above one that did not, and the gate follows', () => {
    const { train, slice } = holdOut(data, opts);
    const learned = scoreSlice(popularityRecommender(train), slice);
    const reverse = popularityRecommender(reversedPopularity(train));
    const worse = scoreSlice(reverse, slice);
    expect(learned.ndcg20).toBeGreaterThan(worse.ndcg20);
    const fair = { holdoutScheme: 1 };
    expect(decidePromotion(learned, { score: worse, ...fair }).promote).toBe(true);
    expect(decidePromotion(worse, { score: learned, ...fair }).promote).toBe(false);
    // Within the tolerance: a rounding difference does not block a retrain.
    expect(decidePromotion({ ...learned, ndcg20: learned.ndcg20 * 0.99 }, { score: learned, ...fair }).promote).toBe(true);
    expect(decidePromotion({ ...learned, ndcg20: learned.ndcg20 * 0.97 }, { score: learned, ...fair }).promote).toBe(false);
  });
});

/** Ratings flipped (5 ↔ 0.5): its popularity ranks the least liked movies first. */
function reversedPopularity(d: TrainingData): TrainingData {
  return { ...d, ratings: { ...d.ratings, ratings: d.ratings.ratings.map((r) => 5.5 - r) } };
}

import { describe, expect, it } from 'vitest';
import { popularityRecommender } from '../eval/popularity.ts';
import { syntheticData } from '../eval/synthetic-data.ts';
import type { RatingsTable, TrainingData } from '../recommender/types.ts';
import { holdOut, scoreSlice, type SliceScore } from './holdout.ts';
import { decidePromotion } from './promotion.ts';

const data = syntheticData({ users: 300, movies: 80 });
const opts = { seed: 3, share: 0.3, maxUsers: 1000 };

function rows(r: RatingsTable): string[] {
  return Array.from({ length: r.length }, (_, i) => `${r.userIds[i]}:${r.movieIds[i]}:${r.ratings[i]}`).sort();
}

/** The same ratings in reverse row order (a database returns them in any order). */
function reversed(d: TrainingData): TrainingData {
  const r = d.ratings;
  return {
    ...d,
    ratings: { length: r.length, userIds: r.userIds.slice().reverse(), movieIds: r.movieIds.slice().reverse(), ratings: r.ratings.slice().reverse() },
  };
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
    // 3% below is past the margin; 1% below on every user is small but consistent: worse either way.
    expect(decidePromotion(scaled(learned, 0.97), { score: learned, ...fair }).reason).toMatch(/by more than 2%/);
    expect(decidePromotion(scaled(learned, 0.99), { score: learned, ...fair }).reason).toMatch(/consistently worse/);
    expect(decidePromotion(learned, { score: learned, ...fair }).promote).toBe(true);
  });

  it('promotes a candidate that moves some lists either way, not one that is consistently a little worse', () => {
    const fair = { holdoutScheme: 1 };
    const current = score(Array.from({ length: 400 }, (_, i) => 0.1 + (i % 7) / 10));
    // Two users traded places, others the same: the same mean, no evidence of worse.
    const traded = score([...current.perUser].map((x, i) => (i === 0 ? current.perUser[1]! : i === 1 ? current.perUser[0]! : x)));
    expect(decidePromotion(traded, { score: current, ...fair }).promote).toBe(true);
    // Half the users a little better, half a little worse.
    expect(decidePromotion(score([...current.perUser].map((x, i) => x + (i % 2 ? 0.01 : -0.01))), { score: current, ...fair }).promote).toBe(true);
    // A quarter of the users 0.01 worse, none better: 0.4% below on average, within the margin, but consistent.
    const slightlyWorse = score([...current.perUser].map((x, i) => (i % 4 ? x : x - 0.01)));
    expect(slightlyWorse.ndcg20).toBeGreaterThan(current.ndcg20 * 0.98);
    expect(decidePromotion(slightlyWorse, { score: current, ...fair })).toMatchObject({ promote: false, reason: expect.stringMatching(/consistently worse/) });
    expect(() => decidePromotion(score([0.5]), { score: current, ...fair })).toThrow(/same held-out slice/);
  });
});

/** A score whose every user did `factor` times as well. */
function scaled(s: SliceScore, factor: number): SliceScore {
  return { ...s, ndcg20: s.ndcg20 * factor, perUser: s.perUser.map((x) => x * factor) };
}

function score(perUser: number[]): SliceScore {
  return { ndcg20: perUser.reduce((a, b) => a + b, 0) / perUser.length, recall20: 0, users: perUser.length, perUser: Float64Array.from(perUser) };
}

/** Ratings flipped (5 ↔ 0.5): its popularity ranks the least liked movies first. */
function reversedPopularity(d: TrainingData): TrainingData {
  return { ...d, ratings: { ...d.ratings, ratings: d.ratings.ratings.map((r) => 5.5 - r) } };
}

import { describe, expect, it } from 'vitest';
import type { Recommendation, Recommender, TasteProfile, TrainingData } from '../recommender/types.ts';
import { evaluate, type EvalReport } from './evaluate.ts';
import { makeFolds } from './folds.ts';
import { scoreGroup, type GroupStrategy } from './groups.ts';
import { popularityRecommender } from './popularity.ts';
import { syntheticData } from './synthetic-data.ts';

const data = syntheticData();
const asList = (movieIds: number[]): Recommendation[] => movieIds.map((movieId) => ({ movieId, score: 0, because: null }));
const withoutTimes = ({ fitMs: _f, recommendMs: _r, ...rest }: EvalReport) => rest;

/** Knows every rating: finds the user behind a profile and lists their unnamed positives. */
function oracle(all: TrainingData): Recommender {
  const positives = new Map<number, number[]>();
  for (let i = 0; i < all.ratings.length; i++) {
    if (all.ratings.ratings[i]! < 4) continue;
    const u = all.ratings.userIds[i]!;
    positives.set(u, [...(positives.get(u) ?? []), all.ratings.movieIds[i]!]);
  }
  const recommend = (p: TasteProfile, k: number) => {
    const mine = [...positives.values()].find((pos) => p.likes.every((id) => pos.includes(id)))!;
    return asList(mine.filter((id) => !p.likes.includes(id)).slice(0, k));
  };
  return { recommend, recommendGroup: (members, k) => recommend(members[0]!, k) };
}

describe('evaluate', () => {
  it('scores every eligible test user once, with no violations for the popularity baseline', async () => {
    const report = await evaluate(data, popularityRecommender, { seed: 3 });
    const users = makeFolds(data, { seed: 3 }).flatMap((f) => f.testUsers);
    const eligible = (n: number) => users.filter((u) => u.positives.length >= n).length;
    expect(report.sg!.users).toBe(eligible(5));
    expect(report.likes3!.users).toBe(eligible(8));
    expect(report.feedback!.users).toBe(eligible(8));
    expect(report.discovery!.default!.users).toBe(eligible(8));
    expect(report.onboarding!.users).toBe(eligible(8));
    expect(report.seenSignal!.users).toBe(eligible(8));
    expect(report.groups.recommendGroup!.groups).toBe(5 * 50);
    expect(report.fitMs).toHaveLength(5);
    const { discovery, onboarding, seenSignal } = report;
    for (const v of [
      report.sg,
      report.likes3,
      report.feedback,
      report.groups.recommendGroup,
      discovery!.default,
      discovery!.discover,
      onboarding,
      seenSignal,
    ]) {
      expect(v!.violations).toMatchObject({ bad: 0 });
    }
    // Popularity has no modes: both lists are its one list, all of it in the head at first.
    expect(discovery!.discover).toEqual(discovery!.default);
    expect(discovery!.default!.headShare).toBe(1);
    const plainOnly = await evaluate(data, popularityRecommender, { seed: 3, protocols: ['discovery'], discoveryModes: ['default'] });
    expect(plainOnly.discovery).toEqual({ default: discovery!.default });
    expect(report.groups.recommendGroup!.headShare).toBeGreaterThan(0.5);
    expect(report.sg!.ndcg20).toBeGreaterThan(0);
    expect(report.likes3!.recall20).toBeGreaterThan(0);
  });

  it('gives a perfect score to a model that knows the held-out positives', async () => {
    const report = await evaluate(data, () => oracle(data), { seed: 3, protocols: ['sg'] });
    expect(report.sg!.ndcg20).toBeCloseTo(1, 12);
    expect(report.sg!.recall20).toBeCloseTo(1, 12);
  });

  it('is deterministic for a seed, and a protocol scores the same whatever else runs', async () => {
    const full = await evaluate(data, popularityRecommender, { seed: 11 });
    expect(withoutTimes(await evaluate(data, popularityRecommender, { seed: 11 }))).toEqual(withoutTimes(full));
    const sgOnly = await evaluate(data, popularityRecommender, { seed: 11, protocols: ['sg'] });
    expect(sgOnly.sg).toEqual(full.sg);
    expect(sgOnly.likes3).toBeUndefined();
    expect(sgOnly.groups).toEqual({});
    const other = await evaluate(data, popularityRecommender, { seed: 12 });
    expect(other.sg!.ndcg20).not.toBe(full.sg!.ndcg20);
  });

  it('counts lists that repeat the profile, repeat a movie or come back short', async () => {
    const bad: Recommender = {
      recommend: (p, k) => asList(p.likes.length > 3 ? [p.likes[0]!, ...p.likes.slice(0, k - 1)] : [p.likes[0]!]),
      recommendGroup: () => asList([1, 1]),
    };
    const report = await evaluate(data, () => bad, { seed: 3 });
    expect(report.sg!.violations).toMatchObject({ lists: report.sg!.users, bad: report.sg!.users });
    expect(report.sg!.violations.profileMovie).toBe(report.sg!.users);
    expect(report.sg!.violations.duplicate).toBe(report.sg!.users);
    expect(report.sg!.violations.example).toMatch(/^sg, user \d+: movie \d+ is already in the profile; a movie appears twice/);
    expect(report.likes3!.violations).toMatchObject({ bad: report.likes3!.users, duplicate: 0 });
    expect(report.likes3!.violations.short).toBe(report.likes3!.users);
    expect(report.feedback!.violations.lists).toBe(report.feedback!.users * 5);
    expect(report.groups.recommendGroup!.violations).toMatchObject({ lists: 250, duplicate: 250, short: 250 });
  });

  it('runs each group strategy on the same groups, handing it the trained model', async () => {
    type Popular = Recommender & { kind: 'popular' };
    const fit = (train: TrainingData): Popular => ({ ...popularityRecommender(train), kind: 'popular' });
    const seenModels = new Set<string>();
    const strategies: GroupStrategy<Popular>[] = [
      { label: 'own', groupRecommend: (m, members, k) => m.recommendGroup(members, k) },
      {
        label: 'first member',
        groupRecommend: (m, members, k) => {
          seenModels.add(m.kind);
          expect(members).toHaveLength(4);
          return m.recommendGroup(members, k);
        },
      },
    ];
    const report = await evaluate(data, fit, { seed: 3, protocols: ['groups'], groupStrategies: strategies });
    expect(Object.keys(report.groups)).toEqual(['own', 'first member']);
    expect(report.groups['first member']).toEqual(report.groups.own);
    expect(seenModels).toEqual(new Set(['popular']));
    await expect(evaluate(data, fit, { groupStrategies: [strategies[0]!, strategies[0]!] })).rejects.toThrow(/differ/);
  });
});

describe('scoreGroup', () => {
  it("scores each member's NDCG@10 on their own targets, then the mean and the min", () => {
    const member = (targets: number[]) => ({ userId: 0, profile: { likes: [] }, targets: new Set(targets) });
    const s = scoreGroup([1, 2], [member([1]), member([2]), member([3]), member([1, 2])]);
    expect(s.perMember[0]).toBe(1);
    expect(s.perMember[1]).toBeCloseTo(1 / Math.log2(3), 12);
    expect(s.perMember[2]).toBe(0);
    expect(s.perMember[3]).toBeCloseTo(1, 12);
    expect(s.mean).toBeCloseTo((2 + 1 / Math.log2(3)) / 4, 12);
    expect(s.min).toBe(0);
  });
});

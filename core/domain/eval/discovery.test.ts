import { describe, expect, it } from 'vitest';
import type { Recommender, TrainingData } from '../recommender/types.ts';
import { discoveryOf, DiscoverySum, trainingHead } from './discovery.ts';
import { ndcgAt } from './metrics.ts';

const ratings = (rows: [user: number, movie: number, rating: number][]): TrainingData => ({
  movies: [],
  tags: [],
  ratings: {
    length: rows.length,
    userIds: Int32Array.from(rows, (r) => r[0]),
    movieIds: Int32Array.from(rows, (r) => r[1]),
    ratings: Float32Array.from(rows, (r) => r[2]),
  },
});

describe('trainingHead', () => {
  it('takes the movies with most positives, ties to the lower id, counting no rating under 4', () => {
    const train = ratings([
      [1, 30, 4],
      [2, 30, 5],
      [1, 20, 4.5],
      [3, 10, 4],
      [2, 40, 3.5],
      [3, 40, 3.5],
      [4, 40, 2],
    ]);
    expect([...trainingHead(train, 2)]).toEqual([30, 10]);
    expect(trainingHead(train, 10)).toEqual(new Set([30, 10, 20]));
  });
});

describe('discoveryOf', () => {
  const head = new Set([1, 2, 3]);

  it('measures the head share of the top k, and NDCG without the head on both sides', () => {
    const ranking = [1, 10, 2, 11, 12, 13];
    const targets = new Set([2, 11, 13]);
    const m = discoveryOf(ranking, targets, head, 4);
    expect(m.headShare).toBe(2 / 4);
    // The tail ranking is 10, 11, 12, 13: hits at ranks 2 and 4 of 2 tail targets.
    expect(m.tailNdcg).toBeCloseTo(ndcgAt([10, 11, 12, 13], new Set([11, 13]), 4), 12);
    expect(m.ndcg).toBeCloseTo(ndcgAt([1, 10, 2, 11], targets, 4), 12);
  });

  it('counts a head film found as nothing for the tail', () => {
    expect(discoveryOf([1, 2, 3, 10], new Set([1, 2]), head, 2)).toEqual({ headShare: 1, tailNdcg: 0, ndcg: 1 });
  });
});

describe('DiscoverySum', () => {
  it("asks each mode for k plus the head's length and averages over users", () => {
    const asked: [number, string | undefined][] = [];
    const model: Recommender = {
      recommend: (_p, k, options) => {
        asked.push([k, options?.mode]);
        const ids = options?.mode === 'discover' ? [10, 11, 1, 12, 2, 3] : [1, 2, 10, 3, 11, 12];
        return ids.map((movieId) => ({ movieId, score: 0, because: null }));
      },
      recommendGroup: () => [],
    };
    const head = new Set([1, 2, 3]);
    const c = { userId: 1, profile: { likes: [50] }, targets: new Set([10, 1]) };
    const discover = new DiscoverySum('discover');
    const plain = new DiscoverySum('default');
    discover.add(model, c, head, 3);
    plain.add(model, c, head, 3);
    expect(asked).toEqual([
      [6, 'discover'],
      [6, 'default'],
    ]);
    expect(discover.score()).toMatchObject({ headShare: 1 / 3, users: 1, violations: { bad: 0 } });
    expect(plain.score().headShare).toBe(2 / 3);
    expect(discover.score().tailNdcg20).toBe(1);
    expect(plain.score().tailNdcg20).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { EaseRecommender } from './ease-recommender.ts';
import { DEFAULT_SERVING } from './serving-params.ts';
import { factorsLikeTrained, sampledProfiles } from './testing/trained-like.ts';
import { BruteForceIndex } from './vector-index.ts';

describe('ready lists for many people at once (recommendMany)', () => {
  const factors = factorsLikeTrained();
  const people = sampledProfiles(300, factors.itemIds.length);
  const indexed = (serving = DEFAULT_SERVING) => {
    const model = new EaseRecommender(factors, serving);
    const { vectors, dimensions } = model.indexVectors();
    model.attachIndex(new BruteForceIndex(vectors, dimensions));
    return model;
  };

  it('answers each person exactly as recommend does: the same movies, scores and explanations', () => {
    const model = indexed();
    for (const k of [50, 10]) {
      expect(model.recommendMany(people, k)).toEqual(people.map((p) => model.recommend(p, k)));
    }
  });

  it('answers the same with a popularity prior and without an index (both score the plain way)', () => {
    const withPrior = indexed({ ...DEFAULT_SERVING, popularityWeight: 0.2 });
    expect(withPrior.recommendMany(people.slice(0, 40), 50)).toEqual(people.slice(0, 40).map((p) => withPrior.recommend(p, 50)));
    const exact = new EaseRecommender(factors, DEFAULT_SERVING);
    expect(exact.recommendMany(people.slice(0, 40), 50)).toEqual(people.slice(0, 40).map((p) => exact.recommend(p, 50)));
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { plainMath } from './dense-math.ts';
import { DEFAULT_DISCOVER } from './discover-params.ts';
import { EaseRecommender } from './ease-recommender.ts';
import { DEFAULT_FIT, fitEase } from './fit/fit-ease.ts';
import { DEFAULT_SERVING, type ServingParams } from './serving-params.ts';
import { clusteredData } from './testing/clustered-data.ts';
import { BruteForceIndex } from './vector-index.ts';
import type { EaseFactors } from './ease-factors.ts';

const SCI_FI = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 60]);
const ROMANCE = new Set([21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]);
const serving: ServingParams = { ...DEFAULT_SERVING, lambdaKnots: [[3, 20]], popularityWeight: 0 };

let factors: EaseFactors;
let model: EaseRecommender;
beforeAll(async () => {
  factors = await fitEase(clusteredData(), DEFAULT_FIT, plainMath);
  model = new EaseRecommender(factors, serving);
});

const scoreOf = (recs: { movieId: number; score: number }[], id: number) => recs.find((r) => r.movieId === id)?.score;

describe('EaseRecommender fold-in', () => {
  it('likes raise movies of the same taste', () => {
    const recs = model.recommend({ likes: [1, 2, 3] }, 8);
    expect(recs).toHaveLength(8);
    const sciFi = recs.filter((r) => SCI_FI.has(r.movieId)).length;
    expect(sciFi).toBeGreaterThanOrEqual(6);
    expect(recs.some((r) => ROMANCE.has(r.movieId))).toBe(false);
  });

  it('a dislike lowers the movies similar to it, not only the one', () => {
    const all = factors.itemIds.length;
    const base = model.recommend({ likes: [1, 21] }, all);
    const disliked = model.recommend({ likes: [1, 21], dislikes: [22] }, all);
    const others = [...ROMANCE].filter((id) => id !== 21 && id !== 22);
    const romanceBefore = others.map((id) => scoreOf(base, id)!);
    const romanceAfter = others.map((id) => scoreOf(disliked, id)!);
    romanceAfter.forEach((after, i) => expect(after).toBeLessThan(romanceBefore[i]!));
    // …while the other taste is not pushed down.
    expect(scoreOf(disliked, 5)!).toBeGreaterThanOrEqual(scoreOf(base, 5)! - 1e-6);
  });

  it('never recommends liked, disliked or seen movies', () => {
    const profile = { likes: [1, 2], dislikes: [3], seen: [4, 5, 99] };
    const recs = model.recommend(profile, 30);
    const ids = recs.map((r) => r.movieId);
    for (const id of [1, 2, 3, 4, 5, 99]) expect(ids).not.toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('recommends from content a movie nobody has rated', () => {
    const ids = model.recommend({ likes: [1, 2, 3, 4, 5, 6] }, 8).map((r) => r.movieId);
    expect(ids).toContain(60);
  });

  it('explains each pick by the liked movie it follows from', () => {
    const recs = model.recommend({ likes: [1, 21] }, 5);
    for (const r of recs) {
      if (SCI_FI.has(r.movieId)) expect(r.because).toBe(1);
      if (ROMANCE.has(r.movieId)) expect(r.because).toBe(21);
    }
  });

  it('with no likes answers what is popular, the server’s favourites first when given', () => {
    expect(model.recommend({ likes: [] }, 1)[0]!.movieId).toBe(99);
    const recs = model.recommend({ likes: [], seen: [99] }, 3, { popular: [30, 31] });
    expect(recs.map((r) => r.movieId).slice(0, 2)).toEqual([30, 31]);
    expect(recs.map((r) => r.movieId)).not.toContain(99);
    expect(recs.every((r) => r.because === null)).toBe(true);
  });

  it('ignores movie ids it does not know', () => {
    expect(model.recommend({ likes: [123456, 1] }, 3).length).toBe(3);
    expect(model.recommend({ likes: [123456] }, 1)[0]!.movieId).toBe(99);
  });

  it('scores the same shortlist exactly when an index is attached', () => {
    const indexed = new EaseRecommender(factors, serving);
    const { vectors, dimensions } = indexed.indexVectors();
    indexed.attachIndex(new BruteForceIndex(vectors, dimensions));
    const profile = { likes: [1, 2, 21], dislikes: [41] };
    expect(indexed.recommend(profile, 5).map((r) => r.movieId)).toEqual(model.recommend(profile, 5).map((r) => r.movieId));
  });
});

describe('group recommendation', () => {
  it('average without misery leaves out what one member would hate', () => {
    const members = [{ likes: [1, 2, 3], dislikes: [21, 22] }, { likes: [21, 23, 24] }, { likes: [4, 5] }];
    const withoutMisery = model.recommendGroupWith('average-without-misery', members, 6).map((r) => r.movieId);
    expect(withoutMisery).toHaveLength(6);
    expect(withoutMisery.some((id) => ROMANCE.has(id))).toBe(false);
    for (const id of [1, 2, 3, 4, 5, 21, 22, 23, 24]) expect(withoutMisery).not.toContain(id);
  });

  it('fair turns serves every member in turn, with distinct picks none of them has seen', () => {
    const members = [{ likes: [1, 2, 3] }, { likes: [21, 22, 23] }, { likes: [41, 42], seen: [43] }];
    const picks = model.recommendGroupWith('fair-turns', members, 6).map((r) => r.movieId);
    expect(picks).toHaveLength(6);
    expect(new Set(picks).size).toBe(6);
    for (const id of [1, 2, 3, 21, 22, 23, 41, 42, 43]) expect(picks).not.toContain(id);
    expect(picks.some((id) => SCI_FI.has(id))).toBe(true);
    expect(picks.some((id) => ROMANCE.has(id))).toBe(true);
    expect(picks.some((id) => id >= 41 && id <= 52)).toBe(true);
  });

  it('with an index (the served path) picks for each strategy what the full scan picks', () => {
    const indexed = new EaseRecommender(factors, serving);
    const { vectors, dimensions } = indexed.indexVectors();
    indexed.attachIndex(new BruteForceIndex(vectors, dimensions));
    const members = [{ likes: [1, 2, 3], dislikes: [21] }, { likes: [21, 23, 24] }, { likes: [41, 42], seen: [43] }, { likes: [5, 44] }];
    for (const strategy of ['average', 'average-without-misery', 'fair-turns'] as const) {
      const served = indexed.recommendGroupWith(strategy, members, 8);
      const exact = model.recommendGroupWith(strategy, members, 8);
      expect(
        served.map((r) => [r.movieId, r.because]),
        strategy,
      ).toEqual(exact.map((r) => [r.movieId, r.because]));
      served.forEach((r, i) => expect(r.score).toBeCloseTo(exact[i]!.score, 4));
    }
  });

  it('fills the list even when misery rules out almost everything', () => {
    const members = [
      { likes: [1], dislikes: [21, 41] },
      { likes: [21], dislikes: [1, 41] },
      { likes: [41], dislikes: [1, 21] },
    ];
    expect(model.recommendGroupWith('average-without-misery', members, 10)).toHaveLength(10);
  });
});

describe('discover mode', () => {
  /** The head is the blockbuster (99) and the four next most liked films; a penalty this world's few films show. */
  const discoverServing: ServingParams = { ...serving, discover: { ...DEFAULT_DISCOVER, head: 5, headPenalty: 1 } };
  let discovering: EaseRecommender;
  let head: Set<number>;
  beforeAll(() => {
    discovering = new EaseRecommender(factors, discoverServing);
    const order = [...factors.popularity.keys()].sort((a, b) => factors.popularity[b]! - factors.popularity[a]! || a - b);
    head = new Set(order.slice(0, 5).map((row) => factors.itemIds[row]!));
  });
  const headCount = (recs: { movieId: number }[]) => recs.filter((r) => head.has(r.movieId)).length;

  it('holds the head back for a profile, still following its taste and never repeating it', () => {
    const profile = { likes: [1, 2], seen: [3] };
    const plain = discovering.recommend(profile, 8);
    const discover = discovering.recommend(profile, 8, { mode: 'discover' });
    expect(headCount(plain)).toBeGreaterThan(0);
    expect(headCount(discover)).toBeLessThan(headCount(plain));
    expect(discover.filter((r) => SCI_FI.has(r.movieId)).length).toBeGreaterThanOrEqual(6);
    for (const id of [1, 2, 3]) expect(discover.map((r) => r.movieId)).not.toContain(id);
  });

  it('leaves the default list as it was', () => {
    const profile = { likes: [1, 21], dislikes: [41] };
    expect(discovering.recommend(profile, 10, { mode: 'default' })).toEqual(model.recommend(profile, 10));
  });

  it('falls back to popular films past the head for someone with no likes', () => {
    const picks = discovering.recommend({ likes: [] }, 3, { mode: 'discover' });
    expect(picks).toHaveLength(3);
    expect(headCount(picks)).toBe(0);
  });

  it('answers the same with an index (its longer shortlist)', () => {
    const indexed = new EaseRecommender(factors, discoverServing);
    const { vectors, dimensions } = indexed.indexVectors();
    indexed.attachIndex(new BruteForceIndex(vectors, dimensions));
    const profile = { likes: [1, 2, 21] };
    const ids = (recs: { movieId: number }[]) => recs.map((r) => r.movieId);
    expect(ids(indexed.recommend(profile, 8, { mode: 'discover' }))).toEqual(ids(discovering.recommend(profile, 8, { mode: 'discover' })));
  });

  it('a group pick holds the head back too, on the exact and the served path', () => {
    const members = [{ likes: [1, 2] }, { likes: [3, 4], seen: [5] }];
    const indexed = new EaseRecommender(factors, discoverServing);
    const { vectors, dimensions } = indexed.indexVectors();
    indexed.attachIndex(new BruteForceIndex(vectors, dimensions));
    for (const strategy of ['average', 'average-without-misery', 'fair-turns'] as const) {
      const plain = discovering.recommendGroupWith(strategy, members, 3);
      const exact = discovering.recommendGroupWith(strategy, members, 3, 'discover');
      const served = indexed.recommendGroupWith(strategy, members, 3, 'discover');
      expect(exact, strategy).toHaveLength(3);
      expect(headCount(exact), strategy).toBeLessThan(headCount(plain));
      expect(
        served.map((r) => r.movieId),
        strategy,
      ).toEqual(exact.map((r) => r.movieId));
    }
    expect(discovering.recommendGroup(members, 6, { mode: 'discover' })).toEqual(
      discovering.recommendGroupWith('average-without-misery', members, 6, 'discover'),
    );
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { popularityRecommender } from '../eval/popularity.ts';
import { EaseRecommender } from '../recommender/ease-recommender.ts';
import { clusteredData } from '../recommender/testing/clustered-data.ts';
import { BruteForceIndex } from '../recommender/vector-index.ts';
import { smallModel } from '../testing/small-world.ts';
import { groupScoresOf, nightLosses, nightShortlist, type Attendee } from './shortlist.ts';

// The three-taste world: sci-fi 1–12 (and 60), romance 21–32, horror 41–52, a blockbuster 99.
const SCI_FI = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 60]);
const ROMANCE = new Set([21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]);

let model: EaseRecommender;
beforeAll(async () => {
  model = await smallModel();
});

const fan = (userId: number, likes: number[], weight = 1, more: Partial<Attendee['profile']> = {}): Attendee => ({
  userId,
  profile: { likes, ...more },
  weight,
});
/** A member's mean z-score over a list: how well it suits them. */
const suits = (member: Attendee, ids: number[]) => model.zScoresOf([member.profile], ids)[0]!.reduce((a, b) => a + b, 0) / ids.length;

describe('nightShortlist', () => {
  it('offers nothing excluded and nothing an attendee liked, 👎d or skipped', () => {
    const people = [fan(1, [1, 2, 3], 1, { dislikes: [21] }), fan(2, [22, 23], 1, { seen: [41] }), fan(3, [42])];
    const exclude = new Set([4, 5, 24, 99]);
    const ids = nightShortlist(model, people, 5, exclude).map((c) => c.movieId);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    for (const id of [...exclude, 1, 2, 3, 21, 22, 23, 41, 42]) expect(ids).not.toContain(id);
  });

  it('leans towards a member who weighs more', () => {
    const people = (sciFi: number, romance: number) => [fan(1, [1, 2, 3], sciFi), fan(2, [21, 22, 23], romance), fan(3, [41, 42])];
    const ids = (sciFi: number, romance: number) => nightShortlist(model, people(sciFi, romance), 4, new Set()).map((c) => c.movieId);
    const [sciFiFan, romanceFan] = people(1, 1);
    expect(suits(sciFiFan!, ids(6, 1))).toBeGreaterThan(suits(sciFiFan!, ids(1, 1)));
    expect(suits(romanceFan!, ids(1, 6))).toBeGreaterThan(suits(romanceFan!, ids(1, 1)));
    expect(SCI_FI.has(ids(6, 1)[0]!)).toBe(true);
    expect(ROMANCE.has(ids(1, 6)[0]!)).toBe(true);
  });

  it('scores its picks as groupScoresOf does, best first', () => {
    const people = [fan(1, [1, 2], 3), fan(2, [21, 22], 1), fan(3, [])];
    const list = nightShortlist(model, people, 4, new Set([99]));
    const again = groupScoresOf(
      model,
      people,
      list.map((c) => c.movieId),
    );
    list.forEach((c, i) => expect(c.groupScore).toBeCloseTo(again[i]!, 4));
    expect(list[0]!.groupScore).toBeGreaterThanOrEqual(list[list.length - 1]!.groupScore);
    // A movie the model does not know scores as an average film.
    expect(groupScoresOf(model, people, [123_456])).toEqual([0]);
  });

  it('picks the same on the served path (a shortlist index) as on the full scan', () => {
    const served = new EaseRecommender(model.factors, model.params);
    const { vectors, dimensions } = served.indexVectors();
    served.attachIndex(new BruteForceIndex(vectors, dimensions));
    const people = [fan(1, [1, 2, 3], 2.5, { dislikes: [41] }), fan(2, [21, 23]), fan(3, [44, 45], 0.4)];
    const exclude = new Set([5, 99]);
    expect(nightShortlist(served, people, 5, exclude).map((c) => c.movieId)).toEqual(nightShortlist(model, people, 5, exclude).map((c) => c.movieId));
  });

  it('works on a model without weights or z-scores, still leaving out the excluded', () => {
    const plain = popularityRecommender(clusteredData());
    const people = [fan(1, [99, 1]), fan(2, [21])];
    const list = nightShortlist(plain, people, 3, new Set([2, 3]));
    expect(list).toHaveLength(3);
    for (const id of [99, 1, 21, 2, 3]) expect(list.map((c) => c.movieId)).not.toContain(id);
    const losses = nightLosses(
      plain,
      people,
      list.map((c) => c.movieId),
      list[0]!.movieId,
    );
    for (const { loss } of losses) expect(loss).toBeGreaterThanOrEqual(0);
  });
});

describe('nightLosses', () => {
  const candidates = [5, 25, 45];

  it('is 0 for the member whose first choice won, 1 for one whose last choice won', () => {
    const sciFi = fan(1, [1, 2, 3]);
    const z = model.zScoresOf([sciFi.profile], candidates)[0]!;
    const first = candidates[z.indexOf(Math.max(...z))]!;
    const last = candidates[z.indexOf(Math.min(...z))]!;
    expect(first).toBe(5);
    expect(nightLosses(model, [sciFi], candidates, first)).toEqual([{ userId: 1, loss: 0 }]);
    expect(nightLosses(model, [sciFi], candidates, last)).toEqual([{ userId: 1, loss: 1 }]);
    const middle = candidates.find((id) => id !== first && id !== last)!;
    const loss = nightLosses(model, [sciFi], candidates, middle)[0]!.loss;
    expect(loss).toBeGreaterThan(0);
    expect(loss).toBeLessThan(1);
  });

  it('gives each attendee their own loss, and ½ where the model cannot tell', () => {
    const losses = nightLosses(model, [fan(1, [1, 2, 3]), fan(2, [21, 22, 23]), fan(3, [])], candidates, 25);
    expect(losses.map((l) => l.userId)).toEqual([1, 2, 3]);
    expect(losses[1]!.loss).toBe(0);
    expect(losses[0]!.loss).toBeGreaterThan(0.5);
    expect(losses[2]!.loss).toBe(0.5);
    // A winner the model does not know moves nobody.
    expect(nightLosses(model, [fan(1, [1, 2, 3])], [...candidates, 123_456], 123_456)[0]!.loss).toBe(0.5);
  });
});

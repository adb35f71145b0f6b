import { describe, expect, it } from 'vitest';
import type { Recommender, TasteProfile } from '../recommender/types.ts';
import { simulateFeedback } from './feedback.ts';
import type { ProtocolCase } from './protocols.ts';
import { ids, testUser } from './synthetic-data.ts';
import { noViolations } from './violations.ts';

/** Shows the given pages in turn, remembering the profile each was asked with. */
function scripted(pages: number[][]): Recommender & { asked: TasteProfile[] } {
  const asked: TasteProfile[] = [];
  return {
    asked,
    recommend(profile) {
      asked.push(structuredClone(profile));
      return (pages[asked.length - 1] ?? []).map((movieId) => ({ movieId, score: 0, because: null }));
    },
    recommendGroup: () => [],
  };
}

const start = (targets: number[]): ProtocolCase => ({
  userId: 9,
  profile: { likes: [1, 2, 3], dislikes: [], seen: [] },
  targets: new Set(targets),
});

describe('simulateFeedback', () => {
  const user = testUser(9, ids(1, 60), [101, 102], [201]);

  it('likes shown targets, dislikes shown movies rated ≤ 2, skips the rest, and feeds it all back', () => {
    const model = scripted([
      [4, 5, 101, 201, 300, 301, 302, 303, 304, 305],
      [6, 102, ...ids(400, 8)],
      ids(7, 10),
      [17], // short
      [4, 18, 18, ...ids(500, 7)], // 4 is already liked; 18 twice
    ]);
    const violations = noViolations();
    const outcome = simulateFeedback(model, user, start(ids(4, 57)), violations);

    expect(model.asked).toHaveLength(5);
    expect(model.asked[0]).toEqual({ likes: [1, 2, 3], dislikes: [], seen: [] });
    expect(model.asked[1]).toEqual({ likes: [1, 2, 3, 4, 5], dislikes: [101], seen: [201, ...ids(300, 6)] });
    expect(model.asked[4]!.likes).toEqual([1, 2, 3, 4, 5, 6, ...ids(7, 10), 17]);
    expect(model.asked[4]!.dislikes).toEqual([101, 102]);

    // 2 + 1 + 10 + 1 + 1 found; 57 targets, so the denominator is 50.
    expect(outcome.found).toBe(15);
    expect(outcome.score).toBeCloseTo(15 / 50);
    expect(outcome.profile.likes).toEqual([1, 2, 3, 4, 5, 6, ...ids(7, 10), 17, 18]);
    expect(outcome.profile.seen).toEqual([201, ...ids(300, 6), ...ids(400, 8), ...ids(500, 7)]);
    expect(violations).toMatchObject({ lists: 5, bad: 2, profileMovie: 1, duplicate: 1, short: 1 });
  });

  it('scores over the number of targets when there are fewer than 50', () => {
    const model = scripted([[4, 5, 6], [], [], [], []]);
    const outcome = simulateFeedback(model, user, start([4, 5, 6, 7, 8]), noViolations());
    expect(outcome.score).toBeCloseTo(3 / 5);
  });
});

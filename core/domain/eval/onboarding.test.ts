import { describe, expect, it } from 'vitest';
import type { QuickPickAnswers, Recommender } from '../recommender/types.ts';
import { OnboardingSum, simulateOnboarding } from './onboarding.ts';
import { ids, testUser } from './synthetic-data.ts';
import { noViolations } from './violations.ts';

const asList = (movieIds: number[]) => movieIds.map((movieId) => ({ movieId, score: 0, because: null }));

/** Offers films 1, 2, 3, … in rounds, never one offered before; recommends 100, 101, … past the profile. */
function picker(): Recommender & { rounds: QuickPickAnswers[] } {
  const rounds: QuickPickAnswers[] = [];
  return {
    rounds,
    quickPicks: (answers, size) => {
      rounds.push({ offered: [...answers.offered], liked: [...answers.liked] });
      return ids(answers.offered.length + 1, size);
    },
    recommend: (profile, k) =>
      asList(
        ids(100, k + 50)
          .filter((id) => !profile.likes.includes(id) && !profile.seen?.includes(id))
          .slice(0, k),
      ),
    recommendGroup: () => [],
  };
}

describe('simulateOnboarding', () => {
  it('taps each offered positive over three rounds of eight; the taps are the likes, the rest seen, the other positives the targets', () => {
    const model = picker();
    const user = testUser(1, [3, 9, 30, 100, 101, 102, 103, 104], [5], [6]);
    const outcome = simulateOnboarding(model, user, noViolations())!;
    expect(model.rounds).toEqual([
      { offered: [], liked: [] },
      { offered: ids(1, 8), liked: [3] },
      { offered: ids(1, 16), liked: [3, 9] },
    ]);
    expect(outcome.taps).toBe(2);
    expect(outcome.profile.likes).toEqual([3, 9]);
    expect(outcome.profile.seen).toEqual(ids(1, 24).filter((id) => id !== 3 && id !== 9));
    expect(outcome.profile.dislikes).toEqual([]);
    expect(outcome.targets).toEqual(new Set([30, 100, 101, 102, 103, 104]));
  });

  it('needs 8 positives, and onboards a model with no quick picker from its own top picks', () => {
    expect(simulateOnboarding(picker(), testUser(1, ids(1, 7)), noViolations())).toBeUndefined();
    const { quickPicks: _none, ...plain } = picker();
    const violations = noViolations();
    const outcome = simulateOnboarding(plain, testUser(1, ids(100, 10)), violations)!;
    expect(outcome.profile.likes).toEqual(ids(100, 10));
    expect(violations).toMatchObject({ lists: 3, bad: 0 });
  });

  it('counts a round repeating a film offered before', () => {
    const repeating: Recommender = { ...picker(), quickPicks: (_answers, size) => ids(1, size) };
    const violations = noViolations();
    simulateOnboarding(repeating, testUser(1, ids(1, 8)), violations);
    expect(violations).toMatchObject({ lists: 3, bad: 2, profileMovie: 2 });
  });
});

describe('OnboardingSum', () => {
  it('scores the list after the rounds on the positives not tapped, and counts users with no tap', () => {
    const sum = new OnboardingSum();
    const model = picker();
    sum.add(model, testUser(1, [1, 100, 101, 102, 103, 104, 105, 106]), 20);
    sum.add(model, testUser(2, ids(200, 8)), 20);
    sum.add(model, testUser(3, ids(1, 3)), 20);
    const score = sum.score();
    expect(score.users).toBe(2);
    expect(score.taps).toBe(0.5);
    expect(score.noTaps).toBe(1);
    // User 1's list starts 100 … 106: all seven targets first. User 2's list holds none of theirs.
    expect(score.ndcg20).toBeCloseTo(0.5, 12);
    expect(score.violations.bad).toBe(0);
  });
});

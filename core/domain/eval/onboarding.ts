/**
 * The onboarding protocol: a newcomer with nothing in their profile answers
 * the quick picker's rounds truthfully from their held-out ratings — a tap
 * on each film offered that they rated ≥ 4.0, a skip on the rest — and is
 * then recommended from their taps, skipped films passed as seen (a round is
 * never shown again). Scored on their other positives.
 */
import { QUICK_PICK_ROUNDS, QUICK_PICK_SIZE } from '../recommender/quick-picker.ts';
import type { QuickPickAnswers, Recommender, TasteProfile } from '../recommender/types.ts';
import type { TestUser } from './folds.ts';
import { ndcgAt, recallAt } from './metrics.ts';
import { LIKES3_MIN_POSITIVES } from './protocols.ts';
import { checkList, excludedMovies, noViolations, type ListViolations } from './violations.ts';

export interface OnboardingOutcome {
  /** Films tapped over the rounds: the profile's likes. */
  taps: number;
  /** The profile recommended from. */
  profile: Required<TasteProfile>;
  /** Positives not tapped: what the list should find. */
  targets: ReadonlySet<number>;
}

/** A model's rounds; a model without a quick picker offers its own top picks for the answers so far. */
export function quickPicksOf(model: Recommender): (answers: QuickPickAnswers, size: number) => number[] {
  if (model.quickPicks) return (answers, size) => model.quickPicks!(answers, size);
  return (answers, size) => model.recommend(answersProfile(answers), size).map((r) => r.movieId);
}

/** The answers as a profile: the taps are likes, every other film offered is seen. */
export function answersProfile({ offered, liked }: QuickPickAnswers): Required<TasteProfile> {
  const likedSet = new Set(liked);
  return { likes: [...liked], dislikes: [], seen: offered.filter((id) => !likedSet.has(id)) };
}

/**
 * Plays the rounds for one user (likes3-eligible: at least 8 positives);
 * undefined for another. Each round is checked for repeats of a film offered before.
 */
export function simulateOnboarding(
  model: Recommender,
  user: TestUser,
  violations: ListViolations,
  rounds = QUICK_PICK_ROUNDS,
  size = QUICK_PICK_SIZE,
): OnboardingOutcome | undefined {
  if (user.positives.length < LIKES3_MIN_POSITIVES) return undefined;
  const positives = new Set(user.positives);
  const picks = quickPicksOf(model);
  const offered: number[] = [];
  const liked: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const shown = picks({ offered, liked }, size);
    checkList(violations, shown, new Set(offered), size, `onboarding, user ${user.userId}, round ${round + 1}`);
    for (const id of shown) {
      if (offered.includes(id)) continue;
      offered.push(id);
      if (positives.has(id)) liked.push(id);
    }
  }
  const tapped = new Set(liked);
  return {
    taps: liked.length,
    profile: answersProfile({ offered, liked }),
    targets: new Set(user.positives.filter((id) => !tapped.has(id))),
  };
}

export interface OnboardingScore {
  /** Mean NDCG@20 of the list after the rounds, on the positives not tapped. */
  ndcg20: number;
  recall20: number;
  /** Mean films tapped. */
  taps: number;
  /** Users who tapped none (they get the popular fallback). */
  noTaps: number;
  users: number;
  /** The rounds' and the final lists' problems. */
  violations: ListViolations;
}

/** Sums over the onboarded users. */
export class OnboardingSum {
  private ndcg = 0;
  private recall = 0;
  private taps = 0;
  private noTaps = 0;
  private users = 0;
  private readonly violations = noViolations();

  /** Onboards one user (if likes3 takes them) and scores the model's k-list for their taps. */
  add(model: Recommender, user: TestUser, k: number): void {
    const outcome = simulateOnboarding(model, user, this.violations);
    if (!outcome) return;
    const list = model.recommend(outcome.profile, k).map((r) => r.movieId);
    checkList(this.violations, list, excludedMovies([outcome.profile]), k, `onboarding, user ${user.userId}`);
    this.ndcg += ndcgAt(list, outcome.targets, k);
    this.recall += recallAt(list, outcome.targets, k);
    this.taps += outcome.taps;
    if (outcome.taps === 0) this.noTaps++;
    this.users++;
  }

  score(): OnboardingScore {
    const n = Math.max(1, this.users);
    return {
      ndcg20: this.ndcg / n,
      recall20: this.recall / n,
      taps: this.taps / n,
      noTaps: this.noTaps,
      users: this.users,
      violations: this.violations,
    };
  }
}

/**
 * The feedback protocol (RECSYS.md): a simulated newcomer starts with three
 * likes, then reacts to five pages of ten — 👍 on each target shown, 👎 on
 * each movie they rated ≤ 2.0, a skip on the rest — and every reaction goes
 * back into the profile the next page is asked with.
 */
import type { Recommender, TasteProfile } from '../recommender/types.ts';
import type { TestUser } from './folds.ts';
import type { ProtocolCase } from './protocols.ts';
import { checkList, excludedMovies, type ListViolations } from './violations.ts';

export const FEEDBACK_ROUNDS = 5;
export const FEEDBACK_PAGE = 10;
/** The score's denominator is min(#targets, this). */
export const FEEDBACK_MAX_TARGETS = 50;

export interface FeedbackOutcome {
  /** Targets shown (and 👍'd) over all rounds. */
  found: number;
  /** found / min(#targets, 50). */
  score: number;
  /** The profile after the last round. */
  profile: Required<TasteProfile>;
}

/**
 * Plays the rounds for one user, starting from their likes3 case.
 * @param violations - each page is checked and counted here.
 */
export function simulateFeedback(model: Recommender, user: TestUser, start: ProtocolCase, violations: ListViolations): FeedbackOutcome {
  const disliked = new Set(user.dislikes);
  const likes = [...start.profile.likes];
  const dislikes: number[] = [];
  const seen: number[] = [];
  let found = 0;
  for (let round = 0; round < FEEDBACK_ROUNDS; round++) {
    const profile = { likes: [...likes], dislikes: [...dislikes], seen: [...seen] };
    const page = model.recommend(profile, FEEDBACK_PAGE).map((r) => r.movieId);
    const excluded = excludedMovies([profile]);
    checkList(violations, page, excluded, FEEDBACK_PAGE, `feedback, user ${user.userId}, round ${round + 1}`);
    for (const movieId of page.slice(0, FEEDBACK_PAGE)) {
      // A repeat or a movie already reacted to (model bugs, counted above) gets no second reaction.
      if (excluded.has(movieId)) continue;
      excluded.add(movieId);
      if (start.targets.has(movieId)) {
        likes.push(movieId);
        found++;
      } else if (disliked.has(movieId)) {
        dislikes.push(movieId);
      } else {
        seen.push(movieId);
      }
    }
  }
  const denominator = Math.min(start.targets.size, FEEDBACK_MAX_TARGETS);
  return { found, score: denominator > 0 ? found / denominator : 0, profile: { likes, dislikes, seen } };
}

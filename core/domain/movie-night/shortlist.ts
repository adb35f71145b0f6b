import type { Recommender, TasteProfile } from '../recommender/types.ts';
import type { NightLoss } from './movie-night.ts';

/**
 * Minimal stand-in for the fair shortlist (core/domain/movie-night/shortlist.ts
 * on the fairness branch replaces it): the model's plain group pick, weights ignored.
 */
export interface Attendee {
  userId: number;
  profile: TasteProfile;
  weight: number;
}

/** How many of the group's list are read to score a handful of given movies. */
const SCORE_DEPTH = 500;

/** The model's picks for the people in, none of `exclude`, best first. */
export function nightShortlist(
  model: Recommender,
  attendees: readonly Attendee[],
  count: number,
  exclude: ReadonlySet<number>,
): { movieId: number; groupScore: number }[] {
  if (count <= 0 || attendees.length === 0) return [];
  const profiles = attendees.map((a, i) => (i === 0 ? { ...a.profile, seen: [...(a.profile.seen ?? []), ...exclude] } : a.profile));
  return model
    .recommendGroup(profiles, count)
    .filter((r) => !exclude.has(r.movieId))
    .slice(0, count)
    .map((r) => ({ movieId: r.movieId, groupScore: r.score }));
}

/** The group's score of each movie (0 for one the group's list does not reach). */
export function groupScoresOf(model: Recommender, attendees: readonly Attendee[], movieIds: readonly number[]): number[] {
  if (attendees.length === 0) return movieIds.map(() => 0);
  const scores = new Map(
    model
      .recommendGroup(
        attendees.map((a) => a.profile),
        SCORE_DEPTH,
      )
      .map((r) => [r.movieId, r.score]),
  );
  return movieIds.map((id) => scores.get(id) ?? 0);
}

/** Each attendee's loss: where the winner sits among the candidates in their own list (0 first … 1 last). */
export function nightLosses(model: Recommender, attendees: readonly Attendee[], candidateIds: readonly number[], winnerId: number): NightLoss[] {
  if (candidateIds.length < 2) return attendees.map((a) => ({ userId: a.userId, loss: 0 }));
  return attendees.map((a) => {
    const rank = new Map(model.recommend(a.profile, SCORE_DEPTH).map((r, i) => [r.movieId, i]));
    const order = [...candidateIds].sort((x, y) => (rank.get(x) ?? Infinity) - (rank.get(y) ?? Infinity));
    return { userId: a.userId, loss: order.indexOf(winnerId) / (candidateIds.length - 1) };
  });
}

import type { Recommender, TasteProfile } from '../recommender/types.ts';
import { NEUTRAL_LOSS } from './fairness.ts';
import type { NightLoss } from './movie-night.ts';

/** Someone who is in for the night: their taste and how much it counts (fairness.ts). */
export interface Attendee {
  userId: number;
  profile: TasteProfile;
  weight: number;
}

/** How deep a model without z-scores is asked for each member's own list (its order stands in for scores). */
const FALLBACK_DEPTH = 500;

/**
 * The model's picks for the people in: the group strategy's average without
 * misery, each attendee's z-score counting by their fairness weight, nothing
 * any attendee liked, 👎'd or skipped and nothing in `exclude` (the server's
 * watched films, what is on the list already), and no two parts of one series
 * while there are other films to offer. Best group score first; the group
 * score is the weighted mean z-score, as {@link groupScoresOf} gives it for
 * nominations, so votes tied between a pick and a nominee break comparably.
 */
export function nightShortlist(
  model: Recommender,
  attendees: readonly Attendee[],
  count: number,
  exclude: ReadonlySet<number>,
): { movieId: number; groupScore: number }[] {
  if (count <= 0 || attendees.length === 0) return [];
  if (model.recommendWeightedGroup) {
    return model.recommendWeightedGroup(attendees, count, exclude).map((r) => ({ movieId: r.movieId, groupScore: r.score }));
  }
  // A model without weights: its plain group pick, the exclusions filtered out here.
  const taken = new Set([...exclude, ...attendees.flatMap(({ profile: p }) => [...p.likes, ...(p.dislikes ?? []), ...(p.seen ?? [])])]);
  return model
    .recommendGroup(
      attendees.map((a) => a.profile),
      count + taken.size,
    )
    .filter((r) => !taken.has(r.movieId))
    .slice(0, count)
    .map((r) => ({ movieId: r.movieId, groupScore: r.score }));
}

/**
 * The group score of given movies (a nomination's, a carried-over nominee's):
 * the attendees' mean z-score, each counting by their weight; members the
 * model cannot score a movie for do not count, and a movie nobody can be
 * scored for gets 0 (an average film).
 */
export function groupScoresOf(model: Recommender, attendees: readonly Attendee[], movieIds: readonly number[]): number[] {
  const z = zScores(
    model,
    attendees.map((a) => a.profile),
    movieIds,
  );
  return movieIds.map((_, i) => {
    let sum = 0;
    let weights = 0;
    attendees.forEach(({ weight }, m) => {
      const zi = z[m]![i]!;
      if (!Number.isFinite(zi)) return;
      sum += weight * zi;
      weights += weight;
    });
    return weights > 0 ? sum / weights : 0;
  });
}

/**
 * Each attendee's loss on a closed night: where the winner stood in their own
 * ranking of the candidates by the model, 0 their first choice … 1 their last
 * (ties count half). {@link NEUTRAL_LOSS} when the model cannot tell (a member
 * with no taste yet, a winner it does not know), so such a night moves nobody's
 * fairness weight.
 */
export function nightLosses(model: Recommender, attendees: readonly Attendee[], candidateIds: readonly number[], winnerId: number): NightLoss[] {
  const ids = candidateIds.includes(winnerId) ? candidateIds : [...candidateIds, winnerId];
  const winner = ids.indexOf(winnerId);
  const z = zScores(
    model,
    attendees.map((a) => a.profile),
    ids,
  );
  return attendees.map(({ userId }, m) => ({ userId, loss: lossOf(z[m]!, winner) }));
}

function lossOf(z: readonly number[], winner: number): number {
  const mine = z[winner]!;
  const known = z.filter((v) => Number.isFinite(v)).length;
  if (!Number.isFinite(mine) || known < 2) return NEUTRAL_LOSS;
  let above = 0;
  let tied = 0;
  z.forEach((v, i) => {
    if (i === winner || !Number.isFinite(v)) return;
    if (v > mine) above++;
    else if (v === mine) tied++;
  });
  return (above + tied / 2) / (known - 1);
}

/** The model's z-scores, or for a model without them each member's own list order (first highest; unlisted below it). */
function zScores(model: Recommender, profiles: readonly TasteProfile[], movieIds: readonly number[]): number[][] {
  if (model.zScoresOf) return model.zScoresOf(profiles, movieIds);
  return profiles.map((profile) => {
    const list = model.recommend(profile, FALLBACK_DEPTH);
    const position = new Map(list.map((r, i) => [r.movieId, i]));
    return movieIds.map((id) => -(position.get(id) ?? list.length));
  });
}

import { diversePicks } from './diverse-picks.ts';
import { foldIn, scoreFolded, type FoldedProfile } from './fold-in.ts';
import { aggregateGroup, moments } from './group-aggregation.ts';
import type { GroupShortlist } from './group-shortlist.ts';
import { popularPicks } from './popular-picks.ts';
import { explained } from './recommend-group.ts';
import type { ServingModel } from './serving-model.ts';
import type { Recommendation, TasteProfile, WeightedProfile } from './types.ts';

/** Picks ranked before the near-duplicates are thinned out: k of them are kept. */
const POOL_PER_PICK = 4;

/**
 * Each member's z-score of each movie ({@link Recommender.zScoresOf}). With a
 * group shortlist, a member's spread is the estimate the group pick uses
 * (so these agree with its group scores); without, every item is scored.
 */
export function zScoresOf(
  model: ServingModel,
  shortlist: GroupShortlist | undefined,
  members: readonly TasteProfile[],
  movieIds: readonly number[],
): number[][] {
  const rows = movieIds.map((id) => model.rowOf.get(id));
  const folded = members.map((member) => foldIn(model, member));
  const present = folded.filter((f): f is FoldedProfile => f !== null);
  const scorers = memberScorers(model, shortlist, present);
  let next = 0;
  return folded.map((f) => {
    if (!f) return movieIds.map(() => NaN);
    const z = scorers[next++]!;
    return rows.map((row) => (row === undefined ? NaN : z(row)));
  });
}

function memberScorers(model: ServingModel, shortlist: GroupShortlist | undefined, folded: readonly FoldedProfile[]): ((row: number) => number)[] {
  if (shortlist && model.params.popularityWeight === 0) {
    const spread = shortlist.moments(folded);
    return folded.map((f, m) => {
      const { mean, sd } = spread[m]!;
      return (row) => (shortlist.score(f, row) - mean) / sd;
    });
  }
  return folded.map((f) => {
    const { scores } = scoreFolded(model, f, model.allRows);
    const { mean, sd } = moments(scores);
    return (row) => (scores[row]! - mean) / sd;
  });
}

/**
 * The weighted average without misery ({@link Recommender.recommendWeightedGroup}):
 * the group pick of recommend-group.ts with each member's z-score counting
 * weight / Σ weights, `exclude` left out as the members' own movies are, and
 * the ranked list thinned of near-duplicates ({@link diversePicks}). Members
 * with nothing to fold in do not count; with nobody left, the popular fallback.
 */
export function recommendWeightedGroup(
  model: ServingModel,
  shortlist: GroupShortlist | undefined,
  members: readonly WeightedProfile[],
  k: number,
  exclude: ReadonlySet<number>,
): Recommendation[] {
  const excluded = model.excludedRows(members.map((m) => m.profile));
  for (const id of exclude) {
    const row = model.rowOf.get(id);
    if (row !== undefined) excluded.add(row);
  }
  const folded = members.flatMap(({ profile, weight }) => {
    const f = foldIn(model, profile);
    return f ? [{ f, weight: Number.isFinite(weight) && weight > 0 ? weight : 0 }] : [];
  });
  if (folded.length === 0) return popularPicks(model, k, excluded);
  const queries = folded.map(({ f }) => f);
  const total = folded.reduce((sum, { weight }) => sum + weight, 0);
  const weights = folded.map(({ weight }) => (total > 0 ? weight : 1));
  const { miseryThreshold, popularityWeight } = model.params;
  const pool = POOL_PER_PICK * k;
  const ranked =
    shortlist && popularityWeight === 0
      ? shortlist.pick('average-without-misery', queries, excluded, pool, miseryThreshold, weights)
      : aggregateGroup(
          'average-without-misery',
          queries.map((f) => scoreFolded(model, f, model.allRows).scores),
          excluded,
          pool,
          miseryThreshold,
          weights,
        );
  return explained(model, diversePicks(model, ranked, k), queries);
}

import { favouriteBehind, type Explainable } from './explain.ts';
import { foldIn, scoreFolded, type FoldedProfile, type ScoredProfile } from './fold-in.ts';
import { aggregateGroup, type GroupStrategy } from './group-aggregation.ts';
import type { GroupShortlist } from './group-shortlist.ts';
import { popularPicks } from './popular-picks.ts';
import type { ServingModel } from './serving-model.ts';
import { discoverBias, withHead } from './discover.ts';
import type { Recommendation, RecommendMode, TasteProfile } from './types.ts';

/**
 * One list for several people (see {@link aggregateGroup} for the strategies).
 * With a group shortlist, members are scored only on the group's shortlist
 * and their spread estimated from a sample ({@link GroupShortlist}): about
 * members × 1k items scored instead of members × the catalog. A popularity
 * prior needs each member's largest score over the catalog, so it keeps the
 * exact path. The popular fallback when no member has anything to fold in.
 * A discover pick folds each member in as a discover list does and adds
 * discover's bias to the group score (see discover.ts).
 */
export function recommendGroup(
  model: ServingModel,
  shortlist: GroupShortlist | undefined,
  strategy: GroupStrategy,
  members: readonly TasteProfile[],
  k: number,
  mode: RecommendMode = 'default',
): Recommendation[] {
  const excluded = model.excludedRows(members);
  const { miseryThreshold, popularityWeight } = model.params;
  const bias = mode === 'discover' ? (row: number) => discoverBias(model, row) : undefined;
  const folded = members.map((member) => foldIn(model, member, mode)).filter((f): f is FoldedProfile => f !== null);
  if (folded.length === 0) return popularPicks(model, k, mode === 'discover' ? withHead(model, excluded) : excluded);
  if (shortlist && popularityWeight === 0) {
    return explained(model, shortlist.pick(strategy, folded, excluded, k, miseryThreshold, undefined, bias), folded);
  }
  // Each member's scores as a default list's: discover's bias is added to the group's, once.
  const scored = folded.map((member): ScoredProfile => scoreFolded(model, { ...member, mode: 'default' }, model.allRows));
  const picks = aggregateGroup(
    strategy,
    scored.map((member) => member.scores),
    excluded,
    k,
    miseryThreshold,
    undefined,
    bias,
  );
  return explained(model, picks, scored);
}

/** Picks as recommendations, each with the favourite of some member it most follows from. */
export function explained(model: ServingModel, picks: readonly { index: number; score: number }[], members: readonly Explainable[]): Recommendation[] {
  return picks.map(({ index: row, score }) => ({ movieId: model.movieId(row), score, because: favouriteBehind(model, row, members) }));
}

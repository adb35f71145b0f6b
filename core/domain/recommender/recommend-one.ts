import { withHead } from './discover.ts';
import { favouriteBehind } from './explain.ts';
import { foldIn, scoreFolded, type ScoredProfile } from './fold-in.ts';
import { popularPicks } from './popular-picks.ts';
import type { ServingModel } from './serving-model.ts';
import { topK } from '../top-k.ts';
import type { Recommendation, RecommendMode, TasteProfile } from './types.ts';
import type { VectorIndex } from './vector-index.ts';

/** Items a discover answer shortlists at least: its picks rank lower by the index's plain inner product. */
export const DISCOVER_SHORTLIST = 2000;

/**
 * Items the index shortlists for a k-long answer. 4k: a ready list (k = 50)
 * shares the k ≤ 50 answers' shortlist, so its top 20 is the plain top 20;
 * the excluded are added so that they never crowd out a pick.
 */
export function shortlistSize(k: number, excluded: ReadonlySet<number>, mode: RecommendMode = 'default'): number {
  return Math.max(mode === 'discover' ? DISCOVER_SHORTLIST : 200, 4 * k) + excluded.size;
}

/**
 * One person's k picks, best first, each with the favourite it follows from:
 * the profile folded in and scored on the index's shortlist (every item
 * without an index); the popular fallback when nothing can be folded in
 * (past the discover head, for a discover list).
 */
export function recommendOne(
  model: ServingModel,
  index: VectorIndex | undefined,
  profile: TasteProfile,
  k: number,
  popular: readonly number[] = [],
  mode: RecommendMode = 'default',
): Recommendation[] {
  const excluded = model.excludedRows([profile]);
  const scored = scoreProfile(model, profile, index && { index, size: shortlistSize(k, excluded, mode) }, mode);
  if (!scored) return popularPicks(model, k, mode === 'discover' ? withHead(model, excluded) : excluded, popular);
  return topK(scored.scores, k, excluded).map(({ index: row, score }) => ({
    movieId: model.movieId(row),
    score,
    because: favouriteBehind(model, row, [scored]),
  }));
}

/** A profile folded in and scored on a shortlist of `size` from `index`, or on every item; null with nothing to fold. */
export function scoreProfile(
  model: ServingModel,
  profile: TasteProfile,
  shortlist?: { index: VectorIndex; size: number },
  mode: RecommendMode = 'default',
): ScoredProfile | null {
  const folded = foldIn(model, profile, mode);
  if (!folded) return null;
  const candidates = shortlist ? shortlist.index.search(Float32Array.from(folded.q.subarray(0, model.indexDimensions)), shortlist.size) : model.allRows;
  return scoreFolded(model, folded, candidates);
}

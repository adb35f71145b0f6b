import type { ServingModel } from './serving-model.ts';
import type { Recommendation } from './types.ts';

/**
 * The fallback for profiles with nothing to fold in: the `first` movie ids
 * (popular where the person is, their server) and then the catalog's most
 * liked, none excluded, each scored by its positives, none explained.
 */
export function popularPicks(model: ServingModel, k: number, excluded: ReadonlySet<number>, first: readonly number[] = []): Recommendation[] {
  const { popularity } = model.factors;
  const picks: Recommendation[] = [];
  const taken = new Set(excluded);
  for (const movieId of first) {
    const row = model.rowOf.get(movieId);
    if (picks.length === k || row === undefined || taken.has(row)) continue;
    taken.add(row);
    picks.push({ movieId, score: popularity[row]!, because: null });
  }
  for (const row of model.popularOrder) {
    if (picks.length === k) break;
    if (!taken.has(row)) picks.push({ movieId: model.movieId(row), score: popularity[row]!, because: null });
  }
  return picks;
}

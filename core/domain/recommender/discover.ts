import type { ServingModel } from './serving-model.ts';

/**
 * Discover's bias of an item row, in units of the largest score of the list
 * it is ranked in: the popularity prior, less the head penalty for a head film.
 */
export function discoverBias(model: ServingModel, row: number): number {
  const { popularityWeight, headPenalty } = model.discover;
  return popularityWeight * model.logPopularity[row]! - (model.head[row] ? headPenalty : 0);
}

/** The excluded rows and the discover head's: what a discover list's popular fallback leaves out. */
export function withHead(model: ServingModel, excluded: ReadonlySet<number>): Set<number> {
  const out = new Set(excluded);
  model.head.forEach((inHead, row) => {
    if (inHead) out.add(row);
  });
  return out;
}

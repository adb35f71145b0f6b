/**
 * How a `discover` list is made. Tuned with bench:quality's discovery rows
 * (likes3: the share of the top 20 among the 100 most liked films, and
 * NDCG@20 with those films left out of the list and of the targets).
 */
export interface DiscoverParams {
  /** The most liked films discover holds back: those a newcomer has most likely seen. */
  head: number;
  /** λ at most: a short profile's default λ pulls every list towards what everyone likes. */
  lambdaCap: number;
  /** A like weighs (1 + positives)^-β: a popular like says little about which lesser-known films the person would like. */
  likePopularityDiscount: number;
  /** Popularity prior added to the normalised scores: among lesser-known films, the better known are still more often liked. */
  popularityWeight: number;
  /** What a head film loses from its normalised score: one is offered only when it is a far better match. */
  headPenalty: number;
}

export const DEFAULT_DISCOVER: DiscoverParams = {
  head: 100,
  lambdaCap: 3200,
  likePopularityDiscount: 0.6,
  popularityWeight: 0.2,
  headPenalty: 0.25,
};

/** Rows of the `count` most liked films (ties to the lower row): the discover head. */
export function headRows(popularOrder: readonly number[], items: number, count: number): Uint8Array {
  const head = new Uint8Array(items);
  for (const row of popularOrder.slice(0, count)) head[row] = 1;
  return head;
}

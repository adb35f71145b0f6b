/**
 * The ranking metrics of RECSYS.md, for one user and one list. A list is read
 * as the model returned it, cut to `k`; a movie repeated in it counts once.
 */

/** 1 / log2(rank + 2), for ranks from 0. */
function discount(rank: number): number {
  return 1 / Math.log2(rank + 2);
}

/** The first `k` distinct movie ids of `list` with their ranks (a repeat keeps its first rank). */
function topDistinct(list: readonly number[], k: number): Map<number, number> {
  const ranks = new Map<number, number>();
  for (let rank = 0; rank < Math.min(k, list.length); rank++) {
    const id = list[rank]!;
    if (!ranks.has(id)) ranks.set(id, rank);
  }
  return ranks;
}

/** Hits in the top `k` over min(k, #targets); 0 when there are no targets. */
export function recallAt(list: readonly number[], targets: ReadonlySet<number>, k: number): number {
  const denominator = Math.min(k, targets.size);
  if (denominator === 0) return 0;
  let hits = 0;
  for (const id of topDistinct(list, k).keys()) if (targets.has(id)) hits++;
  return hits / denominator;
}

/** NDCG@k with binary gains; the ideal list puts min(k, #targets) hits first. 0 when there are no targets. */
export function ndcgAt(list: readonly number[], targets: ReadonlySet<number>, k: number): number {
  const ideal = Math.min(k, targets.size);
  if (ideal === 0) return 0;
  let dcg = 0;
  for (const [id, rank] of topDistinct(list, k)) if (targets.has(id)) dcg += discount(rank);
  let idcg = 0;
  for (let rank = 0; rank < ideal; rank++) idcg += discount(rank);
  return dcg / idcg;
}

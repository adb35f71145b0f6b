/**
 * The discovery measures of RECSYS.md, on likes3: how much of the top 20 is
 * the head (the 100 films with most positives in training: those a newcomer
 * has most likely seen), and how well the list ranks the rest — NDCG@20 with
 * the head left out of both the ranking and the targets.
 */
import { POSITIVE_MIN, type RecommendMode, type Recommender, type TrainingData } from '../recommender/types.ts';
import { ndcgAt } from './metrics.ts';
import type { ProtocolCase } from './protocols.ts';
import { checkList, excludedMovies, noViolations, type ListViolations } from './violations.ts';

/** Films in the head. */
export const HEAD_SIZE = 100;

export interface DiscoveryScore {
  /** Mean share of the top 20 in the head. */
  headShare: number;
  /** Mean NDCG@20 of the ranking without the head, on the targets outside it. */
  tailNdcg20: number;
  /** Mean NDCG@20 of the list as it is. */
  ndcg20: number;
  users: number;
  violations: ListViolations;
}

/** The `size` movies with most positives in `train`, ties to the lower id. */
export function trainingHead(train: TrainingData, size = HEAD_SIZE): Set<number> {
  const positives = new Map<number, number>();
  const { ratings } = train;
  for (let i = 0; i < ratings.length; i++) {
    if (ratings.ratings[i]! < POSITIVE_MIN) continue;
    const id = ratings.movieIds[i]!;
    positives.set(id, (positives.get(id) ?? 0) + 1);
  }
  const ranked = [...positives].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return new Set(ranked.slice(0, size).map(([id]) => id));
}

/**
 * One ranking's measures at `k`: `ranking` must hold k films past the head
 * (k + head size asked for), so that the tail list is as long as a plain one.
 */
export function discoveryOf(
  ranking: readonly number[],
  targets: ReadonlySet<number>,
  head: ReadonlySet<number>,
  k: number,
): { headShare: number; tailNdcg: number; ndcg: number } {
  const top = ranking.slice(0, k);
  const tail = ranking.filter((id) => !head.has(id)).slice(0, k);
  const tailTargets = new Set([...targets].filter((id) => !head.has(id)));
  return {
    headShare: top.filter((id) => head.has(id)).length / k,
    tailNdcg: ndcgAt(tail, tailTargets, k),
    ndcg: ndcgAt(top, targets, k),
  };
}

/** Sums of {@link discoveryOf} over the users of one mode. */
export class DiscoverySum {
  private headShare = 0;
  private tailNdcg = 0;
  private ndcg = 0;
  private users = 0;
  private readonly violations = noViolations();

  constructor(readonly mode: RecommendMode) {}

  /**
   * Asks `model` for this mode's ranking of the likes3 case, k plus the head
   * long, and adds its measures; the ranking is short only under k (a small
   * catalog may hold fewer than k plus the head).
   */
  add(model: Recommender, c: ProtocolCase, head: ReadonlySet<number>, k: number): void {
    const ranking = model.recommend(c.profile, k + head.size, { mode: this.mode }).map((r) => r.movieId);
    checkList(this.violations, ranking, excludedMovies([c.profile]), k, `discovery ${this.mode}, user ${c.userId}`);
    const m = discoveryOf(ranking, c.targets, head, k);
    this.headShare += m.headShare;
    this.tailNdcg += m.tailNdcg;
    this.ndcg += m.ndcg;
    this.users++;
  }

  score(): DiscoveryScore {
    const n = Math.max(1, this.users);
    return { headShare: this.headShare / n, tailNdcg20: this.tailNdcg / n, ndcg20: this.ndcg / n, users: this.users, violations: this.violations };
  }
}

/**
 * Synthetic groups (a watch party): four held-out users of one fold, each
 * with their sg profile. A group list is scored for each member against
 * their own targets; the mean says how good the list is, the min how fair.
 */
import type { Recommendation, Recommender, TasteProfile } from '../recommender/types.ts';
import type { Fold } from './folds.ts';
import { ndcgAt } from './metrics.ts';
import { sgCase, type ProtocolCase } from './protocols.ts';
import { sample, streamFor } from './random.ts';

export const GROUP_SIZE = 4;
export const GROUP_K = 10;
export const GROUPS_PER_FOLD = 50;

/** A way to recommend for a group, so strategies can be compared on the same groups. */
export interface GroupStrategy<M extends Recommender = Recommender> {
  label: string;
  groupRecommend: (model: M, members: readonly TasteProfile[], k: number) => Recommendation[];
}

/** The model's own `recommendGroup`. */
export const MODEL_GROUP_STRATEGY: GroupStrategy = {
  label: 'recommendGroup',
  groupRecommend: (model, members, k) => model.recommendGroup(members, k),
};

/**
 * `count` groups of GROUP_SIZE distinct sg-eligible users of the fold (a
 * user may be in several groups); none when the fold has too few.
 */
export function sampleGroups(fold: Fold, seed: number, count = GROUPS_PER_FOLD): ProtocolCase[][] {
  const eligible = fold.testUsers.map((u) => sgCase(u, seed)).filter((c) => c !== undefined);
  if (eligible.length < GROUP_SIZE) return [];
  const random = streamFor(seed, 'groups', fold.index);
  return Array.from({ length: count }, () => sample(eligible, GROUP_SIZE, random));
}

/** Each member's NDCG@k against their own targets, and the mean and min over members. */
export function scoreGroup(list: readonly number[], members: readonly ProtocolCase[], k = GROUP_K): { perMember: number[]; mean: number; min: number } {
  const perMember = members.map((m) => ndcgAt(list, m.targets, k));
  const mean = perMember.reduce((a, b) => a + b, 0) / Math.max(1, perMember.length);
  return { perMember, mean, min: perMember.length > 0 ? Math.min(...perMember) : 0 };
}

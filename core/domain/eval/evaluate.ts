/**
 * Runs every protocol of RECSYS.md over the folds and averages per user:
 * the instrument the recommender is tuned against. Deterministic for a seed,
 * and the same for every method, so two reports with one seed compare.
 */
import type { RecommendMode, Recommender, TrainingData } from '../recommender/types.ts';
import { DiscoverySum, trainingHead, type DiscoveryScore } from './discovery.ts';
import { simulateFeedback } from './feedback.ts';
import { makeFolds, type Fold } from './folds.ts';
import { GROUP_K, GROUPS_PER_FOLD, MODEL_GROUP_STRATEGY, sampleGroups, scoreGroup, type GroupStrategy } from './groups.ts';
import { ndcgAt, recallAt } from './metrics.ts';
import { OnboardingSum, type OnboardingScore } from './onboarding.ts';
import { likes3Case, sgCase, type ProtocolCase } from './protocols.ts';
import { seenSignalCase } from './seen-signal.ts';
import { checkList, excludedMovies, noViolations, type ListViolations } from './violations.ts';

/** Lists are scored at 20. */
export const EVAL_K = 20;
export const DEFAULT_SEED = 42;

export type RankingProtocol = 'sg' | 'likes3' | 'seen-signal';
export type Protocol = RankingProtocol | 'feedback' | 'groups' | 'discovery' | 'onboarding';
export const ALL_PROTOCOLS: readonly Protocol[] = ['sg', 'likes3', 'feedback', 'groups', 'discovery', 'onboarding', 'seen-signal'];
const DISCOVERY_MODES: readonly RecommendMode[] = ['default', 'discover'];

/** Trains a model on one fold's training data. */
export type Fit<M extends Recommender = Recommender> = (train: TrainingData) => M | Promise<M>;

export interface EvaluateOptions<M extends Recommender = Recommender> {
  seed?: number;
  /** Default 5. */
  folds?: number;
  /** Default all of {@link ALL_PROTOCOLS}. */
  protocols?: readonly Protocol[];
  /** Default: the model's own `recommendGroup`. Labels must differ. */
  groupStrategies?: readonly GroupStrategy<M>[];
  /** Default 50. */
  groupsPerFold?: number;
  /** The modes the discovery protocol measures; default both. */
  discoveryModes?: readonly RecommendMode[];
  /** Called after each fold, e.g. to print progress. */
  onFold?: (fold: { index: number; folds: number; fitMs: number }) => void;
}

export interface RankingScore {
  ndcg20: number;
  recall20: number;
  /** Test users scored (the eligible ones, over all folds). */
  users: number;
  violations: ListViolations;
}

export interface FeedbackScore {
  /** Mean over users of targets found / min(#targets, 50). */
  found: number;
  users: number;
  violations: ListViolations;
}

export interface GroupScore {
  /** Mean over groups of the members' mean NDCG@10. */
  meanNdcg10: number;
  /** Mean share of a group list in the head (the 100 films with most positives in training). */
  headShare: number;
  /** Mean over groups of the worst-served member's NDCG@10. */
  minNdcg10: number;
  groups: number;
  violations: ListViolations;
}

export interface EvalReport {
  seed: number;
  folds: number;
  sg?: RankingScore;
  likes3?: RankingScore;
  feedback?: FeedbackScore;
  /** likes3 users, each mode's list: head share and tail NDCG. */
  discovery?: Partial<Record<RecommendMode, DiscoveryScore>>;
  /** Newcomers answering the quick picker's rounds. */
  onboarding?: OnboardingScore;
  /** likes3 users with some of their neutral films passed as seen: compare with likes3. */
  seenSignal?: RankingScore;
  /** By strategy label. */
  groups: Record<string, GroupScore>;
  /** Training time of each fold. */
  fitMs: number[];
  /** Mean time of one `recommend` call. */
  recommendMs: number;
}

/**
 * Evaluates `fit` on `data`: for each fold, trains on the other folds' users
 * and asks the model about this fold's users under each protocol.
 */
export async function evaluate<M extends Recommender>(data: TrainingData, fit: Fit<M>, opts: EvaluateOptions<M> = {}): Promise<EvalReport> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const protocols = new Set(opts.protocols ?? ALL_PROTOCOLS);
  const strategies: readonly GroupStrategy<M>[] = opts.groupStrategies ?? [MODEL_GROUP_STRATEGY];
  const labels = strategies.map((s) => s.label);
  if (new Set(labels).size < labels.length) throw new Error(`group strategy labels must differ: ${labels.join(', ')}`);
  const folds = makeFolds(data, { folds: opts.folds, seed });
  const sums = {
    sg: new RankingSum(),
    likes3: new RankingSum(),
    seenSignal: new RankingSum(),
    discovery: (opts.discoveryModes ?? DISCOVERY_MODES).map((mode) => new DiscoverySum(mode)),
    onboarding: new OnboardingSum(),
    feedback: { found: 0, users: 0, violations: noViolations() },
    groups: new Map(strategies.map((s) => [s.label, new GroupSum()])),
  };
  const fitMs: number[] = [];
  const timer = { ms: 0, calls: 0 };

  for (const fold of folds) {
    const train = fold.train();
    const head = trainingHead(train);
    const started = performance.now();
    const trained = await fit(train);
    fitMs.push(performance.now() - started);
    const model = timed(trained, timer);
    for (const user of fold.testUsers) {
      if (protocols.has('sg')) sums.sg.add(model, sgCase(user, seed), 'sg');
      const likes3 = likes3Case(user, seed);
      if (protocols.has('likes3')) sums.likes3.add(model, likes3, 'likes3');
      if (protocols.has('feedback') && likes3) {
        sums.feedback.found += simulateFeedback(model, user, likes3, sums.feedback.violations).score;
        sums.feedback.users++;
      }
      if (protocols.has('discovery') && likes3) for (const sum of sums.discovery) sum.add(model, likes3, head, EVAL_K);
      if (protocols.has('onboarding')) sums.onboarding.add(model, user, EVAL_K);
      if (protocols.has('seen-signal')) sums.seenSignal.add(model, seenSignalCase(user, seed), 'seen-signal');
    }
    if (protocols.has('groups')) {
      scoreGroups(trained, fold, seed, opts.groupsPerFold ?? GROUPS_PER_FOLD, strategies, sums.groups, head);
    }
    opts.onFold?.({ index: fold.index, folds: folds.length, fitMs: fitMs[fitMs.length - 1]! });
  }

  const f = sums.feedback;
  return {
    seed,
    folds: folds.length,
    ...(protocols.has('sg') && { sg: sums.sg.score() }),
    ...(protocols.has('likes3') && { likes3: sums.likes3.score() }),
    ...(protocols.has('feedback') && {
      feedback: { found: f.users > 0 ? f.found / f.users : 0, users: f.users, violations: f.violations },
    }),
    ...(protocols.has('discovery') && { discovery: Object.fromEntries(sums.discovery.map((sum) => [sum.mode, sum.score()])) }),
    ...(protocols.has('onboarding') && { onboarding: sums.onboarding.score() }),
    ...(protocols.has('seen-signal') && { seenSignal: sums.seenSignal.score() }),
    groups: protocols.has('groups') ? Object.fromEntries([...sums.groups].map(([l, g]) => [l, g.score()])) : {},
    fitMs,
    recommendMs: timer.calls > 0 ? timer.ms / timer.calls : 0,
  };
}

class RankingSum {
  private ndcg = 0;
  private recall = 0;
  private users = 0;
  private readonly violations = noViolations();

  add(model: Recommender, c: ProtocolCase | undefined, protocol: RankingProtocol): void {
    if (c === undefined) return;
    const list = model.recommend(c.profile, EVAL_K).map((r) => r.movieId);
    checkList(this.violations, list, excludedMovies([c.profile]), EVAL_K, `${protocol}, user ${c.userId}`);
    this.ndcg += ndcgAt(list, c.targets, EVAL_K);
    this.recall += recallAt(list, c.targets, EVAL_K);
    this.users++;
  }

  score(): RankingScore {
    const n = Math.max(1, this.users);
    return { ndcg20: this.ndcg / n, recall20: this.recall / n, users: this.users, violations: this.violations };
  }
}

class GroupSum {
  mean = 0;
  min = 0;
  headShare = 0;
  groups = 0;
  readonly violations = noViolations();

  score(): GroupScore {
    const n = Math.max(1, this.groups);
    return { meanNdcg10: this.mean / n, minNdcg10: this.min / n, headShare: this.headShare / n, groups: this.groups, violations: this.violations };
  }
}

function scoreGroups<M extends Recommender>(
  model: M,
  fold: Fold,
  seed: number,
  count: number,
  strategies: readonly GroupStrategy<M>[],
  sums: Map<string, GroupSum>,
  head: ReadonlySet<number>,
): void {
  const groups = sampleGroups(fold, seed, count);
  for (const strategy of strategies) {
    const sum = sums.get(strategy.label)!;
    for (const members of groups) {
      const profiles = members.map((m) => m.profile);
      const list = strategy.groupRecommend(model, profiles, GROUP_K).map((r) => r.movieId);
      const who = `group ${strategy.label}, fold ${fold.index}, users ${members.map((m) => m.userId).join('+')}`;
      checkList(sum.violations, list, excludedMovies(profiles), GROUP_K, who);
      const { mean, min } = scoreGroup(list, members);
      sum.mean += mean;
      sum.min += min;
      sum.headShare += list.filter((id) => head.has(id)).length / GROUP_K;
      sum.groups++;
    }
  }
}

/** The model with its `recommend` calls timed into `timer`. */
function timed(model: Recommender, timer: { ms: number; calls: number }): Recommender {
  return {
    recommend: (profile, k, options) => {
      const started = performance.now();
      try {
        return model.recommend(profile, k, options);
      } finally {
        timer.ms += performance.now() - started;
        timer.calls++;
      }
    },
    recommendGroup: (members, k, options) => model.recommendGroup(members, k, options),
    ...(model.quickPicks && { quickPicks: (answers, size) => model.quickPicks!(answers, size) }),
  };
}

/** The offline evaluation of RECSYS.md: folds, protocols, metrics, and the popularity baseline. */
export {
  ALL_PROTOCOLS,
  DEFAULT_SEED,
  EVAL_K,
  evaluate,
  type EvalReport,
  type EvaluateOptions,
  type FeedbackScore,
  type Fit,
  type GroupScore,
  type Protocol,
  type RankingProtocol,
  type RankingScore,
} from './evaluate.ts';
export { DiscoverySum, discoveryOf, HEAD_SIZE, trainingHead, type DiscoveryScore } from './discovery.ts';
export { FEEDBACK_MAX_TARGETS, FEEDBACK_PAGE, FEEDBACK_ROUNDS, simulateFeedback, type FeedbackOutcome } from './feedback.ts';
export { makeFolds, type Fold, type FoldOptions, type TestUser } from './folds.ts';
export { GROUP_K, GROUP_SIZE, GROUPS_PER_FOLD, MODEL_GROUP_STRATEGY, sampleGroups, scoreGroup, type GroupStrategy } from './groups.ts';
export { ndcgAt, recallAt } from './metrics.ts';
export { OnboardingSum, answersProfile, quickPicksOf, simulateOnboarding, type OnboardingOutcome, type OnboardingScore } from './onboarding.ts';
export { popularityRecommender } from './popularity.ts';
export { LIKES3_LIKES, LIKES3_MIN_POSITIVES, likes3Case, SG_LIKED_SHARE, SG_MIN_POSITIVES, sgCase, sgLikeCount, type ProtocolCase } from './protocols.ts';
export { mulberry32, streamFor, type Random } from './random.ts';
export { SEEN_SIGNAL_MAX, seenSignalCase } from './seen-signal.ts';
export { checkList, excludedMovies, noViolations, type ListViolations } from './violations.ts';

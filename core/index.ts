/**
 * What bin/, bot/, worker/, web-share/ and data/ may import from core.
 * They never reach inside core/ past this file (checked by dependency-cruiser).
 */
export { loadConfig, ConfigError, CONFIG_KEYS, configSchema, parseShards, type Config, type DiscordShards } from './config.ts';
export { createLogger, type Logger } from './logger.ts';
export type * from './domain/model.ts';
export type { CatalogStats, CatalogStore } from './domain/ports/catalog.store.ts';
export type { AccountStore, PlatformIdentity } from './domain/ports/account.store.ts';
export type { CommunityStore } from './domain/ports/community.store.ts';
export type { FavoriteStore } from './domain/ports/favorite.store.ts';
export type { FeedbackInput, FeedbackStore } from './domain/ports/feedback.store.ts';
export type { SharedListStore } from './domain/ports/shared-list.store.ts';
export type { ModelVersionStore, NewModelVersion } from './domain/ports/model-version.store.ts';
export {
  openDatabase,
  migrateDatabase,
  MIGRATIONS_DIR,
  type Database,
  type Db,
  type OpenDatabaseOptions,
} from './infra/db/database.ts';
export type { SqlRunner, SqlTx } from './infra/db/sql-runner.ts';
export { createRepositories, type Repositories } from './infra/db/repositories/index.ts';
export { cachedStores, type CacheOptions } from './infra/cache/cached-stores.ts';
export { MemoryRecommendationCache } from './infra/cache/memory-recommendation-cache.ts';
export { RedisRecommendationCache } from './infra/cache/redis-recommendation-cache.ts';
export { FailSoftRecommendationCache } from './infra/cache/fail-soft-recommendation-cache.ts';
export type { RecommendationCache } from './domain/ports/recommendation.cache.ts';
export { MemoryServerResultCache } from './infra/cache/memory-server-result-cache.ts';
export { RedisServerResultCache } from './infra/cache/redis-server-result-cache.ts';
export { FailSoftServerResultCache } from './infra/cache/fail-soft-server-result-cache.ts';
export type { ServerResultCache, ServerResult, ReadyGroupPick, ReadyTrends } from './domain/ports/server-result.cache.ts';
export { BadJobError, type JobQueue, type JobName, type JobPayloads, type EnqueueOptions, type Processor, type Processors } from './domain/ports/job-queue.ts';
export { InProcessQueue } from './infra/jobs/in-process-queue.ts';
export { BullmqQueue, QueueUnavailableError, DEFAULT_JOB_OPTIONS } from './infra/jobs/bullmq-queue.ts';
export { JOB_NAMES } from './infra/jobs/job-names.ts';
export { QUEUE_STATES, type QueueCounts, type QueueState, type JobOutcome } from './domain/ports/job-queue.ts';
export type { UseCaseObserver, RecommendSource } from './domain/ports/use-case-observer.ts';
export { MeteringRecommendationCache } from './infra/cache/metering-recommendation-cache.ts';
export { Metrics } from './infra/metrics/metrics.ts';
export { createRedisClient, pingRedis } from './infra/redis/redis-client.ts';
export { PgliteLockedError } from './infra/db/pglite-lock.ts';
export type * from './domain/recommender/types.ts';
export { POSITIVE_MIN, DISLIKE_MAX } from './domain/recommender/types.ts';
export * from './domain/eval/index.ts';
export { trainModel, datasetFingerprint, type TrainOptions } from './infra/model/train-model.ts';
export { saveModel, loadModel, ModelNotFoundError, type LoadedModel, type ModelManifest } from './infra/model/model-artifacts.ts';
export { ModelHolder } from './infra/model/model-holder.ts';
export { retrainModel, trainingFingerprint, type RetrainDeps, type RetrainOptions, type RetrainOutcome } from './domain/use-cases/retrain-model.ts';
export type { ModelTrainer, TrainedModel, TrainingDataSource } from './domain/ports/model-trainer.ts';
export { holdOut, scoreSlice, DEFAULT_HOLDOUT, HOLDOUT_SCHEME, type HeldOut, type HoldoutOptions, type SliceScore } from './domain/rollout/holdout.ts';
export { withCommunitySignals, COMMUNITY_USER_OFFSET, SIGNAL_RATING, type CommunitySignal } from './domain/rollout/community-ratings.ts';
export { decidePromotion, PROMOTION_TOLERANCE, type PromotionDecision } from './domain/rollout/promotion.ts';
export { ArtifactTrainer, MODELS_DIR } from './infra/model/artifact-trainer.ts';
export { DatabaseTrainingSource } from './infra/model/database-training-source.ts';
export { ModelSync, MODEL_POLL_MS, type ModelSyncOptions } from './infra/model/model-sync.ts';
export { scheduleRetrain, RETRAIN_SCHEDULER_ID, type RetrainScheduleOutcome } from './infra/jobs/retrain-schedule.ts';
export { CronTimer } from './infra/jobs/cron-timer.ts';
export { EaseRecommender, type GroupStrategy as ModelGroupStrategy } from './domain/recommender/ease-recommender.ts';
export { DEFAULT_FIT, type FitParams } from './domain/recommender/fit/fit-ease.ts';
export { DEFAULT_SERVING, type ServingParams } from './domain/recommender/serving-params.ts';
export { tensorflowMath } from './infra/model/tfjs-math.ts';
export { TitleIndex, displayTitle, normalizeText, type SearchableMovie, type SearchHit } from './domain/search/index.ts';
export { UserError, type UserErrorCode, type UserErrorDetails } from './domain/errors.ts';
export { ANSWER_DEADLINE_MS, DeadlineExceededError, withDeadline } from './domain/deadline.ts';
export { MovieCatalog, movieLabel } from './domain/catalog.ts';
export { LruCache } from './domain/lru-cache.ts';
export * from './domain/use-cases/index.ts';
export { MIN_CONTRIBUTORS, tasteTrends, type TasteTrends, type MovieTally, type GenreShare } from './domain/trends/taste-trends.ts';
export type { TasteSignal } from './domain/ports/community.store.ts';

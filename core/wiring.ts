/**
 * What only the wiring (bin/, and data/'s importer) may import from core:
 * opening the database, the repositories, the caches, the job queues, Redis,
 * the model files and the trainer. The adapters (bot/, worker/, web-share/)
 * get what these make through the use cases' dependencies instead
 * (core/index.ts); dependency-cruiser keeps them from importing this file.
 */
export { openDatabase, migrateDatabase, MIGRATIONS_DIR, type Database, type Db, type OpenDatabaseOptions } from './infra/db/database.ts';
export type { SqlRunner, SqlTx } from './infra/db/sql-runner.ts';
export { createRepositories, type Repositories } from './infra/db/repositories/index.ts';
export { cachedStores, type CacheOptions } from './infra/cache/cached-stores.ts';
export { MemoryRecommendationCache } from './infra/cache/memory-recommendation-cache.ts';
export { RedisRecommendationCache } from './infra/cache/redis-recommendation-cache.ts';
export { FailSoftRecommendationCache } from './infra/cache/fail-soft-recommendation-cache.ts';
export { MemoryServerResultCache } from './infra/cache/memory-server-result-cache.ts';
export { RedisServerResultCache } from './infra/cache/redis-server-result-cache.ts';
export { FailSoftServerResultCache } from './infra/cache/fail-soft-server-result-cache.ts';
export { InProcessQueue } from './infra/jobs/in-process-queue.ts';
export { BullmqQueue, DEFAULT_JOB_OPTIONS, SOURCE_JOB_OPTIONS } from './infra/jobs/bullmq-queue.ts';
export { MeteringRecommendationCache } from './infra/cache/metering-recommendation-cache.ts';
export { createRedisClient, pingRedis } from './infra/redis/redis-client.ts';
export { PgliteLockedError } from './infra/db/pglite-lock.ts';
export { trainModel, datasetFingerprint, type TrainOptions } from './infra/model/train-model.ts';
export { saveModel, loadModel, ModelNotFoundError, type LoadedModel, type ModelManifest } from './infra/model/model-artifacts.ts';
export { ModelHolder } from './infra/model/model-holder.ts';
export { ArtifactTrainer, MODELS_DIR } from './infra/model/artifact-trainer.ts';
export { DatabaseTrainingSource } from './infra/model/database-training-source.ts';
export { ModelSync, MODEL_POLL_MS, type ModelSyncOptions } from './infra/model/model-sync.ts';
export { scheduleRetrain, RETRAIN_SCHEDULER_ID, type RetrainScheduleOutcome } from './infra/jobs/retrain-schedule.ts';
export { CronTimer } from './infra/jobs/cron-timer.ts';
export { tensorflowMath } from './infra/model/tfjs-math.ts';
export { wasmDotKernel } from './infra/model/wasm-dot-kernel.ts';
export { ZipArchiveReader } from './infra/archive/zip-archive.reader.ts';
export { subscribeBackgroundWork, subscribeEnrichment, type BackgroundPorts } from './domain/subscribers/index.ts';
export { TmdbClient, type TmdbClientOptions } from './infra/tmdb/tmdb-client.ts';
export { SOURCE_RETRIES } from './infra/jobs/source-retries.ts';
export { CatalogFollower, CATALOG_POLL_MS, type CatalogFollowerOptions } from './infra/catalog/catalog-follower.ts';
export { keepJobScheduled, type JobScheduleOutcome } from './infra/jobs/job-schedule.ts';

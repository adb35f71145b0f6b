/**
 * What the adapters (bot/, worker/, web-share/) may import from core: the use
 * cases, the ports' types, the errors and the pure domain. Opening the
 * database, queues, caches, Redis and model files is wiring, in
 * core/wiring.ts, which only bin/ and data/ use (checked by
 * dependency-cruiser, like reaching inside core/ past these two files).
 */
export { loadConfig, ConfigError, CONFIG_KEYS, configSchema, parseShards, type Config, type DiscordShards } from './config.ts';
export { createLogger, type Logger } from './logger.ts';
export type * from './domain/model.ts';
export type { CatalogStats, CatalogStore } from './domain/ports/catalog.store.ts';
export type { AccountStore, PlatformIdentity, LinkCode, MergedPeople, SplitPerson } from './domain/ports/account.store.ts';
export type { CommunityStore } from './domain/ports/community.store.ts';
export type { FavoriteStore } from './domain/ports/favorite.store.ts';
export type { FeedbackInput, FeedbackStore } from './domain/ports/feedback.store.ts';
export type { SeenStore } from './domain/ports/seen.store.ts';
export type { WatchlistStore } from './domain/ports/watchlist.store.ts';
export type { ImportStore, ImportApplied } from './domain/ports/import.store.ts';
export type { SharedListStore } from './domain/ports/shared-list.store.ts';
export type { ModelVersionStore, NewModelVersion } from './domain/ports/model-version.store.ts';
export type { RecommendationCache } from './domain/ports/recommendation.cache.ts';
export type { ServerResultCache, ServerResult, ReadyGroupPick, ReadyTrends } from './domain/ports/server-result.cache.ts';
export {
  BadJobError,
  RetryLaterError,
  type JobQueue,
  type JobName,
  type JobPayloads,
  type EnqueueOptions,
  type Processor,
  type Processors,
} from './domain/ports/job-queue.ts';
export { JOB_NAMES } from './infra/jobs/job-names.ts';
export { QueueUnavailableError } from './infra/jobs/bullmq-queue.ts';
export { QUEUE_STATES, type QueueCounts, type QueueState, type JobOutcome } from './domain/ports/job-queue.ts';
export type { UseCaseObserver, RecommendSource } from './domain/ports/use-case-observer.ts';
export { Metrics } from './infra/metrics/metrics.ts';
export type * from './domain/recommender/types.ts';
export { POSITIVE_MIN, DISLIKE_MAX } from './domain/recommender/types.ts';
export * from './domain/eval/index.ts';
export { retrainModel, trainingFingerprint, type RetrainDeps, type RetrainOptions, type RetrainOutcome } from './domain/use-cases/retrain-model.ts';
export type { ModelTrainer, TrainedModel, TrainingDataSource } from './domain/ports/model-trainer.ts';
export { holdOut, scoreSlice, DEFAULT_HOLDOUT, HOLDOUT_SCHEME, type HeldOut, type HoldoutOptions, type SliceScore } from './domain/rollout/holdout.ts';
export { withCommunitySignals, COMMUNITY_USER_OFFSET, SIGNAL_RATING, type CommunitySignal } from './domain/rollout/community-ratings.ts';
export { decidePromotion, PROMOTION_TOLERANCE, type PromotionDecision } from './domain/rollout/promotion.ts';
export { EaseRecommender, type GroupStrategy as ModelGroupStrategy } from './domain/recommender/ease-recommender.ts';
export * from './domain/movie-night/shortlist.ts';
export * from './domain/movie-night/fairness.ts';
export { DEFAULT_FIT, type FitParams } from './domain/recommender/fit/fit-ease.ts';
export { DEFAULT_SERVING, type ServingParams } from './domain/recommender/serving-params.ts';
export { DEFAULT_DISCOVER, type DiscoverParams } from './domain/recommender/discover-params.ts';
export { DEFAULT_QUICK_PICK, QUICK_PICK_ROUNDS, QUICK_PICK_SIZE, type QuickPickParams } from './domain/recommender/quick-picker.ts';
export { TitleIndex, displayTitle, normalizeText, type SearchableMovie, type SearchHit } from './domain/search/index.ts';
export { UserError, type UserErrorCode, type UserErrorDetails } from './domain/errors.ts';
export { ANSWER_DEADLINE_MS, DeadlineExceededError, withDeadline } from './domain/deadline.ts';
export { MovieCatalog, movieLabel } from './domain/catalog.ts';
export { LINK_CODE_ALPHABET, LINK_CODE_LENGTH, LINK_CODE_TTL_MS, MAX_FAILED_LINKS, FAILED_LINK_WINDOW_MS, normalizeLinkCode } from './domain/link/link-code.ts';
export { parseWhen, formatWhen, isTimeZone, normalizeTimeZone, WHEN_EXAMPLE, DEFAULT_HOUR } from './domain/movie-night/when.ts';
export {
  importSummaryText,
  LETTERBOXD_FILES,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type ImportFile,
  type ImportFormat,
  type ImportKind,
  type ImportSummary,
  type NotFound,
} from './domain/import/index.ts';
export { ArchiveError, type ArchiveReader } from './domain/ports/archive-reader.ts';
export { LruCache } from './domain/lru-cache.ts';
export {
  MovieSourceError,
  DEFAULT_IMAGE_CONFIG,
  type MovieDetailsSource,
  type MovieDetails,
  type RegionProviders,
  type ListedMovie,
  type MoviePage,
  type RecentQuery,
  type SkippedRecord,
  type WatchProvider,
  type ImageConfig,
  type MovieSourceFailure,
} from './domain/ports/movie-details.source.ts';
export { posterUrl, POSTER_PATH } from './domain/movie-details/poster-url.ts';
export { normalizeRegion, REGION_HINTS } from './domain/movie-details/regions.ts';
export type { MovieDetailsStore, StoredMovieDetails, StoredProviders, LinkedFilm, DueQuery } from './domain/ports/movie-details.store.ts';
export type { CatalogAdditionStore, AdditionSource } from './domain/ports/catalog-additions.store.ts';
export { TMDB_MOVIE_ID_BASE, isAddedFromTmdb } from './domain/movie-details/catalog-ids.ts';
export { catalogTitle, entryFromListing, entryFromDetails, type CatalogEntry } from './domain/movie-details/catalog-entry.ts';
export { DETAILS_MAX_AGE_MS, PROVIDERS_MAX_AGE_MS, SHOWN_WINDOW_MS, CACHE_LIMIT_MS, refreshDue, type RefreshDue } from './domain/movie-details/freshness.ts';
export * from './domain/use-cases/index.ts';
export { TasteChanges, type TasteChange, type TasteWrite } from './domain/events/taste-changes.ts';
export type { PublicPages } from './domain/ports/public-pages.ts';
export {
  subscribePublicPages,
  queueRecomputeServer,
  queueRecomputeUser,
  RECOMPUTE_DEBOUNCE_MS,
  SERVER_RECOMPUTE_DEBOUNCE_MS,
  ENRICH_DEBOUNCE_MS,
  type WarnLog,
} from './domain/subscribers/index.ts';
export { MIN_CONTRIBUTORS, tasteTrends, type TasteTrends, type MovieTally, type GenreShare } from './domain/trends/taste-trends.ts';
export type { TasteSignal } from './domain/ports/community.store.ts';
export * from './domain/movie-night/movie-night.ts';
export type { MovieNightStore } from './domain/ports/movie-night.store.ts';

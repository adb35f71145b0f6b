import {
  announcingDeps,
  announcingShareDeps,
  cachedStores,
  MemoryRecommendationCache,
  FailSoftRecommendationCache,
  MeteringRecommendationCache,
  Metrics,
  BullmqQueue,
  createRepositories,
  InProcessQueue,
  RedisRecommendationCache,
  ModelHolder,
  MovieCatalog,
  type Config,
  type Database,
  type Logger,
  type CommunityDeps,
  type JobQueue,
  type Processors,
  type ShareDeps,
  type RecommendationCache,
  type Recommender,
  TasteChanges,
} from '../../core/index.ts';
import type { Redis } from 'ioredis';
import { createProcessors } from '../../worker/index.ts';
import { openModelRollout, type ModelRollout } from './model-rollout.ts';
import { openServerResults, queueServerRecompute, recomputeServersOnChange } from './recompute-wiring.ts';

/** Everything an adapter needs to serve people: the use cases' dependencies. */
export interface Product {
  deps: CommunityDeps;
  share: ShareDeps;
  models: ModelHolder;
  /** Every write the use cases make here, announced so the share site drops pages it made stale. */
  changes: TasteChanges;
  /** Resolves once a model is being served (loaded, or trained on first run). */
  modelReady: Promise<void>;
  /** Model versions: follows promotions live, retrains (close it on shutdown: it holds a Redis subscriber). */
  rollout: ModelRollout;
  /** Background jobs: BullMQ when Redis is given, the in-process runner otherwise. */
  jobs: JobQueue;
  /** The job processors over this product (BullMQ workers run them; the in-process runner already does). */
  processors: Processors;
  /** This process's metrics registry (job durations, recommend latency, ready-list hits), served on /metrics. */
  metrics: Metrics;
}

/** A burst of 👍/👎 clicks by one person is one recompute. */
const RECOMPUTE_DEBOUNCE_MS = 200;

/**
 * Builds the in-memory catalog from the database and serves the active model
 * version (DATA_DIR/models/<version>), training one from the imported
 * ratings when there is none yet (first run: seconds on ml-latest-small).
 */
export async function openProduct(
  config: Config,
  database: Database,
  logger: Logger,
  say: (line: string) => void,
  /** Redis shares ready lists and jobs between processes; `prefix` keeps tests (or tenants) apart. */
  { redis, prefix = 'moviebot', modelPollMs, trainInThread }: { redis?: Redis; prefix?: string; modelPollMs?: number; trainInThread?: boolean } = {},
): Promise<Product> {
  const repos = createRepositories(database.db);
  const [movies, popularity] = await Promise.all([repos.catalog.allMovies(), repos.catalog.popularity()]);
  const catalog = new MovieCatalog(movies, popularity);
  const models = new ModelHolder();
  // The registry's active model version, followed live (Redis pub/sub + poll); trained on first run.
  const rollout = openModelRollout({ config, database, models, logger, say, redis, prefix, pollMs: modelPollMs, trainInThread });
  const modelReady = rollout.ready;

  // Every interaction reads its person's taste: from memory once they are known.
  const stores = cachedStores(repos);
  const changes = new TasteChanges();
  // Ready lists: a plain /recommend is answered without a fold-in. With Redis they are shared by
  // every process (workers write, bots read); the model version tells an old list from a new one.
  const versionOf = (model: Recommender) =>
    models.ready && models.current().recommender === model ? models.current().manifest.version : 'not-served';
  // While Redis is down answers fold in and feedback is still acknowledged; lists it made stale are dropped once it is back.
  const shared = redis
    ? new FailSoftRecommendationCache(new RedisRecommendationCache(redis, versionOf, { prefix: `${prefix}:ready` }), {
        logger,
        onRecovered: (userIds) => userIds.forEach((userId) => recompute(userId)),
      })
    : undefined;
  redis?.on('ready', () => void shared?.flush());
  const metrics = new Metrics();
  const recommendations: RecommendationCache = new MeteringRecommendationCache(shared ?? new MemoryRecommendationCache(), metrics.readyListLookup);
  const serverResults = openServerResults({ redis, prefix, versionOf, logger, recompute: (communityId) => queueServerRecompute(jobs, logger, communityId) });
  const deps: CommunityDeps = announcingDeps(
    { ...stores, catalog, model: () => (models.ready ? models.current().recommender : null), recommendations, serverResults, observer: metrics },
    changes,
  );
  // Jobs read the source of truth: this process's taste caches do not see another process's writes.
  const processors = createProcessors({
    deps: { ...deps, accounts: repos.accounts, favorites: repos.favorites, feedback: repos.feedback },
    retrain: rollout.retrain,
    database,
  });
  const jobs: JobQueue = redis
    ? new BullmqQueue(redis, prefix)
    : new InProcessQueue(processors, { onFailed: (name, data, err) => logger.warn({ err, job: name, data }, 'job failed'), onJobFinished: metrics.jobFinished });
  // A taste change remakes the person's ready list in the background (recompute-user).
  function recompute(userId: number): void {
    jobs.enqueue('recompute-user', { userId }, { debounceKey: String(userId), debounceMs: RECOMPUTE_DEBOUNCE_MS }).catch((err: unknown) =>
      // The list was already dropped: the next answer folds in on the spot, nothing is lost.
      logger.warn({ err, userId }, 'could not queue a recompute'),
    );
  }
  changes.subscribe((change) => {
    if ('userId' in change) recompute(change.userId);
  });
  // A member's taste or the membership changes: the community's pick and trends are remade (recompute-server).
  recomputeServersOnChange({ changes, deps, jobs, logger });
  const share = announcingShareDeps({ accounts: deps.accounts, sharedLists: repos.sharedLists, publicUrl: config.publicUrl }, changes);
  return { deps, share, models, modelReady, rollout, changes, jobs, processors, metrics };
}

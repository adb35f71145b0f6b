import {
  Metrics,
  MovieCatalog,
  TasteChanges,
  type ImportDeps,
  type MovieDetailsStore,
  type NightDeps,
  type Config,
  type JobQueue,
  type Logger,
  type Processors,
  type Recommender,
  type ShareDeps,
} from '../../core/index.ts';
import {
  BullmqQueue,
  cachedStores,
  CatalogFollower,
  createRepositories,
  InProcessQueue,
  ModelHolder,
  SOURCE_RETRIES,
  subscribeBackgroundWork,
  subscribeEnrichment,
  ZipArchiveReader,
  type Database,
} from '../../core/wiring.ts';
import type { Redis } from 'ioredis';
import { importDataset } from '../../data/index.ts';
import { createProcessors } from '../../worker/index.ts';
import { openModelRollout, type ModelRollout } from './model-rollout.ts';
import { moviesSource, openMovieSource, type MoviesSource } from './movie-source.ts';
import { openReadyCaches } from './ready-caches.ts';

/** The use cases' dependencies: everything an adapter needs to serve people (cards' included: what is stored from TMDB). */
export type ProductDeps = NightDeps & ImportDeps & { movieDetails: MovieDetailsStore };

/** Everything an adapter needs to serve people: the use cases' dependencies. */
export interface Product {
  deps: ProductDeps;
  share: ShareDeps;
  models: ModelHolder;
  /** Every write the use cases store here, announced: the subscribers (core/domain/subscribers) act on it; the share site adds its page drops. */
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
  /** Where the films come from: MovieLens, or MovieLens + TMDB (TMDB_API_KEY or TMDB_ACCESS_TOKEN). */
  movies: MoviesSource;
  /** Follows the films added to the catalog by any process (close it on shutdown: it holds a timer). */
  catalogFollower: CatalogFollower;
}

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
  const metrics = new Metrics();
  // Every interaction reads its person's taste: from memory once they are known.
  const stores = cachedStores(repos);
  // The use cases announce each stored write here; what follows is the list in core/domain/subscribers.
  const changes = new TasteChanges();
  // With Redis, jobs go to BullMQ (any process's workers run them) and ready lists and results are shared.
  const shared = redis ? { redis, jobs: new BullmqQueue(redis, prefix) } : undefined;
  const versionOf = (model: Recommender) => (models.ready && models.current().recommender === model ? models.current().manifest.version : 'not-served');
  const { recommendations, serverResults } = openReadyCaches({ shared, prefix, versionOf, logger, metrics });
  const model = () => (models.ready ? models.current().recommender : null);
  const deps: ProductDeps = {
    ...stores,
    // Read on a fold-in only (a ready list has them left out already): straight from the store.
    seen: repos.seen,
    watchlist: repos.watchlist,
    archives: new ZipArchiveReader(),
    catalog,
    model,
    recommendations,
    serverResults,
    observer: metrics,
    changes,
    nights: repos.nights,
    defaultTimeZone: config.timeZone,
    movieDetails: repos.movieDetails,
  };
  // Films a catalog sync adds anywhere become searchable here within CATALOG_POLL_MS; where it ran, at once.
  const catalogFollower = new CatalogFollower({ additions: repos.catalogAdditions, catalog, logger });
  catalogFollower.start();
  const source = openMovieSource(config);
  const share: ShareDeps = { accounts: deps.accounts, sharedLists: repos.sharedLists, publicUrl: config.publicUrl, changes };
  // Jobs read the source of truth: this process's taste caches do not see another process's writes.
  const processors = createProcessors({
    deps: { ...deps, accounts: repos.accounts, favorites: repos.favorites, feedback: repos.feedback },
    retrain: rollout.retrain,
    importFolder: (dir) => importDataset({ database, dir }),
    tmdb: source && {
      source,
      movieDetails: repos.movieDetails,
      additions: repos.catalogAdditions,
      catalogStore: repos.catalog,
      defaultRegion: config.defaultRegion,
      queue: () => jobs,
      catalogChanged: () => void catalogFollower.refresh(),
    },
    movieDetails: repos.movieDetails,
    log: logger,
  });
  // Without Redis this process runs the jobs itself, with the processors over these deps.
  const jobs: JobQueue =
    shared?.jobs ??
    new InProcessQueue(processors, {
      onFailed: (name, data, err) => logger.warn({ err, job: name, data }, 'job failed'),
      onJobFinished: metrics.jobFinished,
      retries: SOURCE_RETRIES,
    });
  // A stored write remakes the person's ready list and their servers' results in the background.
  subscribeBackgroundWork(changes, { jobs, communities: deps.communities, serverResults, log: logger });
  // A card showing stale TMDB data has the film fetched in the background.
  if (source) subscribeEnrichment(changes, { jobs, log: logger });
  return { deps, share, models, modelReady, rollout, changes, jobs, processors, metrics, movies: moviesSource(config), catalogFollower };
}

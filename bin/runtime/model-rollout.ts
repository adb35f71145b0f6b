import type { Redis } from 'ioredis';
import { retrainModel, type Config, type Logger, type RetrainDeps, type RetrainOptions, type RetrainOutcome } from '../../core/index.ts';
import { ArtifactTrainer, createRepositories, DatabaseTrainingSource, ModelSync, type Database, type ModelHolder } from '../../core/wiring.ts';

/** Model versions for one process: serving the active one, following promotions, and retraining. */
export interface ModelRollout {
  /** Resolves once a model is served (the active version, or one trained on first run). */
  ready: Promise<void>;
  sync: ModelSync;
  /** Retrains on the database, promotes if not worse, and announces it (the `retrain` job and `moviebot train`). */
  retrain(opts?: RetrainOptions): Promise<RetrainOutcome>;
  close(): Promise<void>;
}

export interface ModelRolloutOptions {
  config: Config;
  database: Database;
  models: ModelHolder;
  logger: Logger;
  say: (line: string) => void;
  redis?: Redis;
  prefix?: string;
  /** Registry poll interval (tests shorten it). */
  pollMs?: number;
  /** Load the active version and follow promotions (the CLI's one-off train does not). */
  serve?: boolean;
  /** Train on a worker thread, leaving the event loop to answers and job-lock renewals (default); false: on this one. */
  trainInThread?: boolean;
}

/**
 * Serves the registry's active model version and follows promotions. On a
 * fresh DATA_DIR (or registry) the first model is trained from the imported
 * ratings, evaluated on the held-out slice and registered as the first
 * active version, so later retrains compare against a fair bar.
 */
export function openModelRollout(opts: ModelRolloutOptions): ModelRollout {
  const { config, database, models, logger, say } = opts;
  const versions = createRepositories(database.db).modelVersions;
  const sync = new ModelSync({ versions, holder: models, dataDir: config.dataDir, logger, redis: opts.redis, prefix: opts.prefix, pollMs: opts.pollMs });
  // Closing stops a training under way (its thread is terminated): shutdown does not wait seconds for it.
  const closing = new AbortController();
  const deps = (log?: (line: string) => void): RetrainDeps => {
    const trainer = new ArtifactTrainer(config.dataDir, models, log, { thread: opts.trainInThread ?? true, signal: closing.signal });
    // A version promoted here is served from memory: it was loaded to be evaluated.
    const announce = async (version: string) => {
      await sync.announce(version, trainer.take(version));
      await trainer.prune(version).catch((err: unknown) => logger.warn({ err }, 'could not remove old model versions'));
    };
    return { source: new DatabaseTrainingSource(database), trainer, versions, announce, log };
  };
  const retrain = (options?: RetrainOptions) =>
    retrainModel(
      deps((line) => logger.info(line)),
      options,
    );

  const ready =
    opts.serve === false
      ? Promise.resolve()
      : (async () => {
          if (!(await sync.serveActive())) {
            // Roles started together: one process trains the first model, the others wait for it and load it.
            // If the trainer dies its connection closes, the lock is released, and a waiter trains instead.
            await database.exclusively('firstModel', async () => {
              if (await sync.serveActive()) return;
              say('Preparing recommendations: training the first model on the imported ratings (first run only)…');
              const outcome = await retrainModel(deps());
              logger.info({ version: outcome.version, status: outcome.status, ndcg20: outcome.candidate?.ndcg20 }, 'first model trained');
              if (!models.ready) await sync.sync();
            });
            if (!models.ready) throw new Error('no model could be trained: import MovieLens first (moviebot data import --from DIR)');
          }
          sync.start();
        })();
  // Callers await it when they need it; a failure must not become an unhandled rejection meanwhile.
  ready.catch((err: unknown) => logger.error({ err }, 'no model available'));
  return {
    ready,
    sync,
    retrain,
    close: () => {
      closing.abort();
      return sync.close();
    },
  };
}

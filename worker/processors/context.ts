import type { CatalogSyncDeps, CommunityDeps, EnrichDeps, JobQueue, Logger, MovieDetailsStore, RetrainOptions, RetrainOutcome } from '../../core/index.ts';

/** What the TMDB jobs (enrich, catalog-sync) work with; absent when TMDB is not configured. */
export interface TmdbJobDeps extends EnrichDeps, CatalogSyncDeps {
  /** Where the scheduled refresh queues one enrich job per film due, and a sync the films it added. */
  queue: () => JobQueue;
  /** The catalog gained or rewrote films: this process's search sees them at once (the others' within a minute). */
  catalogChanged?: () => void;
}

/** What the processors work with; built once per process (bin/runtime/product.ts). */
export interface ProcessorContext {
  deps: CommunityDeps;
  /** Retrains on the database, promotes the model if it is not worse, and announces it (retrain). */
  retrain?: (opts?: RetrainOptions) => Promise<RetrainOutcome>;
  /** Imports a MovieLens folder into this process's database, as `moviebot data import` does (import). */
  importFolder?: (dir: string) => Promise<unknown>;
  /** TMDB, when configured (enrich, catalog-sync). */
  tmdb?: TmdbJobDeps;
  /** What is stored from TMDB, whether or not it is configured now: the scheduled enrich purges what is past the cache limit. */
  movieDetails?: MovieDetailsStore;
  /** Where processors report what they skipped or did (malformed TMDB records, films added). */
  log?: Pick<Logger, 'info' | 'warn'>;
}

import type { CommunityDeps, Database, RetrainOptions, RetrainOutcome } from '../../core/index.ts';

/** What the processors work with; built once per process (bin/runtime/product.ts). */
export interface ProcessorContext {
  deps: CommunityDeps;
  /** Retrains on the database, promotes the model if it is not worse, and announces it (retrain). */
  retrain?: (opts?: RetrainOptions) => Promise<RetrainOutcome>;
  /** The database a MovieLens folder is imported into (import). */
  database?: Database;
}

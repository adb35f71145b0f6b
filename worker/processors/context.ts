import type { CommunityDeps, RetrainOptions, RetrainOutcome } from '../../core/index.ts';

/** What the processors work with; built once per process (bin/runtime/product.ts). */
export interface ProcessorContext {
  deps: CommunityDeps;
  /** Retrains on the database, promotes the model if it is not worse, and announces it (retrain). */
  retrain?: (opts?: RetrainOptions) => Promise<RetrainOutcome>;
  /** Imports a MovieLens folder into this process's database, as `moviebot data import` does (import). */
  importFolder?: (dir: string) => Promise<unknown>;
}

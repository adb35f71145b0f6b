import type { Processors } from '../../core/index.ts';
import { catalogSync } from './catalog-sync.processor.ts';
import type { ProcessorContext } from './context.ts';
import { enrich } from './enrich.processor.ts';
import { importData } from './import.processor.ts';
import { recomputeServer } from './recompute-server.processor.ts';
import { recomputeUser } from './recompute-user.processor.ts';
import { retrain } from './retrain.processor.ts';

export type { ProcessorContext, TmdbJobDeps } from './context.ts';

/** Every job's processor, registered in one place; the BullMQ worker and the in-process runner both take this. */
export function createProcessors(context: ProcessorContext): Processors {
  return {
    'recompute-user': recomputeUser(context.deps),
    'recompute-server': recomputeServer(context),
    retrain: retrain(context),
    import: importData(context),
    enrich: enrich(context),
    'catalog-sync': catalogSync(context),
  };
}

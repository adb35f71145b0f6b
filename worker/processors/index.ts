import type { Processors, RecommendDeps } from '../../core/index.ts';
import { recomputeUser } from './recompute-user.processor.ts';

/** Every job's processor, registered in one place; the BullMQ worker and the in-process runner both take this. */
export function createProcessors(deps: RecommendDeps): Processors {
  return { 'recompute-user': recomputeUser(deps) };
}

import { BadJobError, refreshServerResults, type JobPayloads } from '../../core/index.ts';
import type { ProcessorContext } from './context.ts';

/**
 * recompute-server: remakes one community's group pick and taste trends
 * and keeps them ready (Redis with a TTL, or memory). Idempotent: the same
 * stores give the same result, and one a taste change overtook is refused
 * by the cache's token. An unknown community can never succeed: no retry.
 */
export function recomputeServer({ deps }: ProcessorContext) {
  return async (data: JobPayloads['recompute-server']): Promise<void> => {
    const communityId = data?.communityId;
    if (!Number.isSafeInteger(communityId) || communityId <= 0) throw new BadJobError(`recompute-server needs a community id, got ${JSON.stringify(data)}`);
    if (!(await deps.communities.find(communityId))) throw new BadJobError(`recompute-server: no community ${communityId}`);
    await refreshServerResults(deps, communityId);
  };
}

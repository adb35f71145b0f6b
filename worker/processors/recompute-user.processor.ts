import { BadJobError, refreshRecommendations, type JobPayloads, type RecommendDeps } from '../../core/index.ts';

/**
 * recompute-user: remakes the person's ready list. Idempotent: running it
 * twice stores the same list (and a list an invalidation overtook is refused
 * by the cache's token).
 */
export function recomputeUser(deps: RecommendDeps) {
  return async (data: JobPayloads['recompute-user']): Promise<void> => {
    if (!Number.isSafeInteger(data?.userId) || data.userId <= 0) throw new BadJobError(`recompute-user needs a user id, got ${JSON.stringify(data)}`);
    // No model yet: nothing to recompute; the first answer will fold in on the spot.
    if (!deps.model()) return;
    await refreshRecommendations(deps, data.userId);
  };
}

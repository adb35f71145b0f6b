import { BadJobError, refreshRecommendationsMany, type JobPayloads, type RecommendDeps } from '../../core/index.ts';
import { MicroBatcher } from '../micro-batcher.ts';

/**
 * People remade together: up to 32, gathered for at most 2 ms. A batch is one
 * token read and one list write in Redis, one read of each Postgres table,
 * and 32 fold-ins in a row: the per-person reads and writes would otherwise
 * cost more than the fold-ins (README, "Throughput").
 */
export const RECOMPUTE_BATCH = { maxSize: 32, maxWaitMs: 2 };

/**
 * recompute-user: remakes the person's ready list. Idempotent: running it
 * twice stores the same list (and a list an invalidation overtook is refused
 * by the cache's token). Jobs running at once in a process share batches
 * ({@link MicroBatcher}); each job still settles with its own person.
 */
export function recomputeUser(deps: RecommendDeps, batch = RECOMPUTE_BATCH) {
  const batches = new MicroBatcher<number>(async (userIds) => void (await refreshRecommendationsMany(deps, userIds)), batch);
  return async (data: JobPayloads['recompute-user']): Promise<void> => {
    if (!Number.isSafeInteger(data?.userId) || data.userId <= 0) throw new BadJobError(`recompute-user needs a user id, got ${JSON.stringify(data)}`);
    // No model yet: nothing to recompute; the first answer will fold in on the spot.
    if (!deps.model()) return;
    await batches.add(data.userId);
  };
}

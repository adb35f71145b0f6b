import { BadJobError, type JobPayloads } from '../../core/index.ts';
import type { ProcessorContext } from './context.ts';

const REASONS: readonly string[] = ['scheduled', 'manual'] satisfies JobPayloads['retrain']['reason'][];

/**
 * retrain: trains on MovieLens plus the community's favourites and 👍/👎,
 * promotes the new version only if it is not worse on the held-out slice,
 * and every bot and worker then serves it without a restart. Idempotent: a
 * second run on the same data trains nothing and re-announces the active
 * version; a run killed mid-training leaves the active model serving.
 */
export function retrain({ retrain: run }: ProcessorContext) {
  return async (data: JobPayloads['retrain']): Promise<void> => {
    if (!REASONS.includes(data?.reason)) throw new BadJobError(`retrain needs a reason (${REASONS.join(' or ')}), got ${JSON.stringify(data)}`);
    if (!run) throw new Error('retrain: this process was built without a model rollout');
    await run();
  };
}

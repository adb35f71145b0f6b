import type { Redis } from 'ioredis';
import {
  FailSoftServerResultCache,
  MemoryServerResultCache,
  RedisServerResultCache,
  type CommunityDeps,
  type JobQueue,
  type Logger,
  type Recommender,
  type ServerResultCache,
  type TasteChanges,
} from '../../core/index.ts';

/** Clicks across a server within this window are one recompute of its pick and trends. */
export const SERVER_RECOMPUTE_DEBOUNCE_MS = 1_000;

/**
 * Where ready server results live: Redis when it is given (shared by bots,
 * web and workers; fail-soft while it is down), this process's memory
 * otherwise. `recompute` is told which communities to remake once Redis is
 * back and their stale entries could finally be dropped.
 */
export function openServerResults(options: {
  redis: Redis | undefined;
  prefix: string;
  versionOf: (model: Recommender) => string;
  logger: Logger;
  recompute: (communityId: number) => void;
}): ServerResultCache {
  const { redis, prefix, versionOf, logger, recompute } = options;
  if (!redis) return new MemoryServerResultCache();
  const cache = new FailSoftServerResultCache(new RedisServerResultCache(redis, versionOf, { prefix: `${prefix}:ready` }), {
    logger,
    onRecovered: (communityIds) => communityIds.forEach(recompute),
  });
  redis.on('ready', () => void cache.flush());
  return cache;
}

/** Queues one community's recompute-server, debounced; a failure to queue only costs an on-the-spot answer. */
export function queueServerRecompute(jobs: JobQueue, logger: Logger, communityId: number): void {
  jobs
    .enqueue('recompute-server', { communityId }, { debounceKey: String(communityId), debounceMs: SERVER_RECOMPUTE_DEBOUNCE_MS })
    .catch((err: unknown) => logger.warn({ err, communityId }, 'could not queue a server recompute'));
}

/**
 * A member's taste change drops the ready results of every community they
 * are in (the next answer there is made on the spot) and remakes them in
 * the background; a membership or page change remakes them too, the old
 * result staying readable meanwhile (a re-join is usually no news).
 */
export function recomputeServersOnChange({ changes, deps, jobs, logger }: { changes: TasteChanges; deps: CommunityDeps; jobs: JobQueue; logger: Logger }): () => void {
  return changes.subscribe((change) => {
    void (async () => {
      if ('communityId' in change) return queueServerRecompute(jobs, logger, change.communityId);
      for (const communityId of await deps.communities.communitiesOf(change.userId)) {
        await deps.serverResults?.invalidate(communityId);
        queueServerRecompute(jobs, logger, communityId);
      }
    })().catch((err: unknown) => logger.warn({ err, change }, 'could not mark server results stale'));
  });
}

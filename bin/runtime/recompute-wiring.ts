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
 * A member's taste change, or a membership change, marks the ready results
 * of every community concerned stale and remakes them in the background:
 * the trends are made on the spot meanwhile (cheap), the pick keeps
 * answering until its replacement is stored (a large server's fold-in takes
 * seconds). A pick that does not count a member who just joined is not
 * served (serverPick compares the member count).
 */
export function recomputeServersOnChange({ changes, deps, jobs, logger }: { changes: TasteChanges; deps: CommunityDeps; jobs: JobQueue; logger: Logger }): () => void {
  const stale = async (communityId: number) => {
    await deps.serverResults?.markStale(communityId);
    queueServerRecompute(jobs, logger, communityId);
  };
  return changes.subscribe((change) => {
    // A member who just joined asks next: the drop is issued before this returns (Redis keeps a connection's order).
    const done = 'communityId' in change ? stale(change.communityId) : deps.communities.communitiesOf(change.userId).then((ids) => Promise.all(ids.map(stale)));
    done.catch((err: unknown) => logger.warn({ err, change }, 'could not mark server results stale'));
  });
}

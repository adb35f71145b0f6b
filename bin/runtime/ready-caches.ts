import type { Redis } from 'ioredis';
import {
  queueRecomputeServer,
  queueRecomputeUser,
  type JobQueue,
  type Logger,
  type Metrics,
  type RecommendationCache,
  type Recommender,
  type ServerResultCache,
} from '../../core/index.ts';
import {
  FailSoftRecommendationCache,
  FailSoftServerResultCache,
  MemoryRecommendationCache,
  MemoryServerResultCache,
  MeteringRecommendationCache,
  RedisRecommendationCache,
  RedisServerResultCache,
} from '../../core/wiring.ts';

/**
 * Where ready lists and ready server results live. With Redis they are
 * shared by every process (workers write, bots and web read) and fail-soft
 * while it is down: what an outage left stale is dropped once Redis is
 * back, and queued on `shared.jobs` to be remade. Without Redis they live in
 * this process's memory. The model version tells an old entry from a new one.
 */
export function openReadyCaches(options: {
  shared: { redis: Redis; jobs: JobQueue } | undefined;
  prefix: string;
  versionOf: (model: Recommender) => string;
  logger: Logger;
  metrics: Metrics;
}): { recommendations: RecommendationCache; serverResults: ServerResultCache } {
  const { shared, prefix, versionOf, logger, metrics } = options;
  const metered = (cache: RecommendationCache) => new MeteringRecommendationCache(cache, metrics.readyListLookup);
  if (!shared) return { recommendations: metered(new MemoryRecommendationCache()), serverResults: new MemoryServerResultCache() };
  const { redis, jobs } = shared;
  // While Redis is down answers fold in and feedback is still acknowledged; lists it made stale are dropped once it is back.
  const lists = new FailSoftRecommendationCache(new RedisRecommendationCache(redis, versionOf, { prefix: `${prefix}:ready` }), {
    logger,
    onRecovered: (userIds) => userIds.forEach((userId) => queueRecomputeUser(jobs, logger, userId)),
  });
  const results = new FailSoftServerResultCache(new RedisServerResultCache(redis, versionOf, { prefix: `${prefix}:ready` }), {
    logger,
    onRecovered: (communityIds) => communityIds.forEach((communityId) => queueRecomputeServer(jobs, logger, communityId)),
  });
  redis.on('ready', () => {
    void lists.flush();
    void results.flush();
  });
  return { recommendations: metered(lists), serverResults: results };
}

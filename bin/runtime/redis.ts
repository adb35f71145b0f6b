import type { Redis } from 'ioredis';
import { type Config, type Logger } from '../../core/index.ts';
import { createRedisClient } from '../../core/wiring.ts';

/** The Redis connection when REDIS_URL is set; jobs run in-process otherwise. */
export function connectRedis(config: Config, logger: Logger): { redis: Redis | undefined; close: () => Promise<void> } {
  if (!config.redisUrl) return { redis: undefined, close: async () => {} };
  const redis = createRedisClient(config.redisUrl, logger);
  return {
    redis,
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

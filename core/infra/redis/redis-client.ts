import { Redis } from 'ioredis';
import { withDeadline } from '../../domain/deadline.ts';
import type { Logger } from '../../logger.ts';

/**
 * A Redis connection for request paths: fails fast while Redis is down
 * (no offline queue) so callers can tell the user to retry instead of hanging.
 */
export function createRedisClient(url: string, logger: Logger): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    lazyConnect: false,
  });
  client.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
  return client;
}

/** True when Redis answers PING within `timeoutMs`. */
export async function pingRedis(client: Redis, timeoutMs = 1_000): Promise<boolean> {
  try {
    const reply = await withDeadline(client.ping(), timeoutMs, 'redis ping');
    return reply === 'PONG';
  } catch {
    return false;
  }
}

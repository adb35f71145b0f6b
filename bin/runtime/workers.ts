import { Redis } from 'ioredis';
import type { Config, Logger } from '../../core/index.ts';
import { startBullmqWorkers } from '../../worker/index.ts';
import type { Product } from './product.ts';

/**
 * Runs the job processors on BullMQ (REDIS_URL set). Without Redis there is
 * nothing to start: the product's in-process runner already runs them.
 */
export function startWorkers(config: Config, logger: Logger, product: Product, prefix = 'moviebot'): { close: () => Promise<void> } {
  if (!config.redisUrl) return { close: async () => {} };
  const url = config.redisUrl;
  // Workers block on their connections: no per-request retry limit (BullMQ requires it).
  return startBullmqWorkers(product.processors, {
    logger,
    prefix,
    connect: () => new Redis(url, { maxRetriesPerRequest: null }),
    onJobFinished: product.metrics.jobFinished,
  });
}

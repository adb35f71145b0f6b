import type { Redis } from 'ioredis';
import { openProduct, type Product } from './product.ts';
import { say } from './output.ts';
import { connectRedis } from './redis.ts';
import type { RoleContext } from './role.ts';

/**
 * What every serving role (start, bot, web, worker, chat) opens after its storage:
 * Redis when REDIS_URL is set, and the product on it, both closed by the
 * role's shutdown (jobs before Redis).
 */
export async function openRoleProduct({ config, logger, shutdown, database }: RoleContext): Promise<{ redis: Redis | undefined; product: Product }> {
  const { redis, close } = connectRedis(config, logger);
  shutdown.add('redis', close);
  const product = await openProduct(config, database, logger, say, { redis });
  shutdown.add('jobs', () => product.jobs.close());
  shutdown.add('model sync', () => product.rollout.close());
  shutdown.add('catalog follower', async () => product.catalogFollower.close());
  return { redis, product };
}

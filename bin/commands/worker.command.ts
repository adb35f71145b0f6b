import type { Command } from 'commander';
import { say } from '../runtime/output.ts';
import { connectRedis } from '../runtime/redis.ts';
import { startRole } from '../runtime/role.ts';
import { openProduct } from '../runtime/product.ts';
import { startWorkers } from '../runtime/workers.ts';
import { JOB_NAMES } from '../../core/index.ts';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run the background job processors (recompute, retrain, import) against REDIS_URL')
    .action(async () => {
      const { config, logger, shutdown, database } = await startRole('worker', { migrate: false });
      if (!config.redisUrl) {
        say('moviebot worker takes jobs from Redis: set REDIS_URL (without it, `moviebot start` runs the jobs in-process)');
        process.exitCode = 2;
        await shutdown.run();
        return;
      }
      const { redis, close } = connectRedis(config, logger);
      shutdown.add('redis', close);
      const product = await openProduct(config, database, logger, say, { redis });
      shutdown.add('jobs', () => product.jobs.close());
      await product.modelReady;
      const workers = startWorkers(config, logger, product);
      shutdown.add('workers', workers.close);
      say(`worker ready (${database.description}): ${JOB_NAMES.join(', ')}`);
    });
}

import type { Command } from 'commander';
import { say } from '../runtime/output.ts';
import { connectRedis } from '../runtime/redis.ts';
import { startRole } from '../runtime/role.ts';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run the background job processors (recompute, retrain, import) against REDIS_URL')
    .action(async () => {
      const { config, logger, shutdown, database } = await startRole('worker', { migrate: false });
      const { close } = connectRedis(config, logger);
      shutdown.add('redis', close);
      say(`worker ready (${database.description}); this build registers no job processors yet`);
    });
}

import type { Command } from 'commander';
import { healthProbe } from '../runtime/health.ts';
import { openProduct } from '../runtime/product.ts';
import { say } from '../runtime/output.ts';
import { connectRedis } from '../runtime/redis.ts';
import { startRole } from '../runtime/role.ts';
import { startWeb } from '../runtime/web.ts';

export function registerWebCommand(program: Command): void {
  program
    .command('web')
    .description('run only the web server (share pages, /healthz), for scaled-out deployments')
    .action(async () => {
      const { config, logger, shutdown, database } = await startRole('web', { migrate: false });
      const { redis, close } = connectRedis(config, logger);
      shutdown.add('redis', close);
      // The share pages read the same catalog and model as the bots; recommendations appear once the model is loaded.
      const product = await openProduct(config, database, logger, say, { redis });
      shutdown.add('jobs', () => product.jobs.close());
      const web = await startWeb(config, logger, healthProbe({ database, redis, bots: () => ({}) }), product);
      shutdown.add('web', web.close);
      say(`web server on ${web.url} (${database.description})`);
    });
}

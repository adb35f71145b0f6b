import type { Command } from 'commander';
import { healthProbe } from '../runtime/health.ts';
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
      const web = await startWeb(config, logger, healthProbe({ database, redis, bots: () => ({}) }));
      shutdown.add('web', web.close);
      say(`web server on ${web.url} (${database.description})`);
    });
}

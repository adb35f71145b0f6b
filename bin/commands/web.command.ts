import type { Command } from 'commander';
import { healthProbe } from '../runtime/health.ts';
import { openRoleProduct } from '../runtime/role-product.ts';
import { say } from '../runtime/output.ts';
import { startRole } from '../runtime/role.ts';
import { startWeb } from '../runtime/web.ts';

export function registerWebCommand(program: Command): void {
  program
    .command('web')
    .description('run only the web server (share pages, /healthz), for scaled-out deployments')
    .action(async () => {
      const role = await startRole('web', { migrate: false });
      const { config, logger, shutdown, database } = role;
      // The share pages read the same catalog and model as the bots; recommendations appear once the model is loaded.
      const { redis, product } = await openRoleProduct(role);
      const web = await startWeb(config, logger, healthProbe({ database, redis, bots: () => ({}), movies: product.movies }), product);
      shutdown.add('web', web.close);
      say(`web server on ${web.url} (${database.description})`);
    });
}

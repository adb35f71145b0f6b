import type { Command } from 'commander';
import { boot, openStorage } from '../runtime/boot.ts';
import { healthProbe } from '../runtime/health.ts';
import { say } from '../runtime/output.ts';
import { connectRedis } from '../runtime/redis.ts';
import { Shutdown } from '../runtime/shutdown.ts';
import { startWeb } from '../runtime/web.ts';

export function registerWebCommand(program: Command): void {
  program
    .command('web')
    .description('run only the web server (share pages, /healthz), for scaled-out deployments')
    .action(async () => {
      const booted = boot('web');
      const shutdown = new Shutdown(booted.logger);
      shutdown.installSignalHandlers();
      const database = await openStorage(booted, { migrate: false });
      shutdown.add('database', () => database.close());
      const { redis, close } = connectRedis(booted.config, booted.logger);
      shutdown.add('redis', close);
      const web = await startWeb(booted.config, booted.logger, healthProbe({ database, redis, bots: () => ({}) }));
      shutdown.add('web', web.close);
      say(`web server on ${web.url} (${database.description})`);
    });
}

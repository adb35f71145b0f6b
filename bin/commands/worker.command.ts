import type { Command } from 'commander';
import { boot, openStorage } from '../runtime/boot.ts';
import { say } from '../runtime/output.ts';
import { connectRedis } from '../runtime/redis.ts';
import { Shutdown } from '../runtime/shutdown.ts';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run the background job processors (recompute, retrain, import) against REDIS_URL')
    .action(async () => {
      const booted = boot('worker');
      const shutdown = new Shutdown(booted.logger);
      shutdown.installSignalHandlers();
      const database = await openStorage(booted, { migrate: false });
      shutdown.add('database', () => database.close());
      const { close } = connectRedis(booted.config, booted.logger);
      shutdown.add('redis', close);
      say(`worker ready (${database.description}); this build registers no job processors yet`);
    });
}

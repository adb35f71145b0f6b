import type { Command } from 'commander';
import { startBots } from '../runtime/bots.ts';
import { openProduct } from '../runtime/product.ts';
import { say } from '../runtime/output.ts';
import { connectRedis } from '../runtime/redis.ts';
import { startRole } from '../runtime/role.ts';

export function registerBotCommand(program: Command): void {
  program
    .command('bot')
    .description('run only the Discord and Telegram bots, for scaled-out deployments')
    .action(async () => {
      const { config, logger, shutdown, database } = await startRole('bot', { migrate: false });
      const { redis, close } = connectRedis(config, logger);
      shutdown.add('redis', close);
      const product = await openProduct(config, database, logger, say, { redis });
      shutdown.add('jobs', () => product.jobs.close());
      await product.modelReady;
      const bots = await startBots(config, logger, product);
      shutdown.add('bots', () => bots.close());
      for (const [platform, state] of Object.entries(bots.status())) say(`${platform}: ${state}`);
    });
}

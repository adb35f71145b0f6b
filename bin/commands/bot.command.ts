import type { Command } from 'commander';
import { startBots } from '../runtime/bots.ts';
import { openRoleProduct } from '../runtime/role-product.ts';
import { say } from '../runtime/output.ts';
import { startRole } from '../runtime/role.ts';
import { startMetricsServer } from '../runtime/metrics-server.ts';

export function registerBotCommand(program: Command): void {
  program
    .command('bot')
    .description('run only the Discord and Telegram bots, for scaled-out deployments')
    .action(async () => {
      const role = await startRole('bot', { migrate: false });
      const { config, logger, shutdown } = role;
      const { product } = await openRoleProduct(role);
      await product.modelReady;
      const bots = await startBots(config, logger, product);
      shutdown.add('bots', () => bots.close());
      const metrics = await startMetricsServer(config, logger, product.metrics);
      if (metrics) shutdown.add('metrics', metrics.close);
      for (const [platform, state] of Object.entries(bots.status())) say(`${platform}: ${state}`);
    });
}

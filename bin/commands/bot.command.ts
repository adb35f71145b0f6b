import type { Command } from 'commander';
import { boot, openStorage } from '../runtime/boot.ts';
import { startBots } from '../runtime/bots.ts';
import { say } from '../runtime/output.ts';
import { Shutdown } from '../runtime/shutdown.ts';

export function registerBotCommand(program: Command): void {
  program
    .command('bot')
    .description('run only the Discord and Telegram bots, for scaled-out deployments')
    .action(async () => {
      const booted = boot('bot');
      const shutdown = new Shutdown(booted.logger);
      shutdown.installSignalHandlers();
      const database = await openStorage(booted, { migrate: false });
      shutdown.add('database', () => database.close());
      const bots = await startBots(booted.config, booted.logger);
      shutdown.add('bots', () => bots.close());
      for (const [platform, state] of Object.entries(bots.status())) say(`${platform}: ${state}`);
    });
}

import { Command } from 'commander';
import { registerBotCommand } from './commands/bot.command.ts';
import { registerCatalogSyncCommand } from './commands/catalog-sync.command.ts';
import { registerChatCommand } from './commands/chat.command.ts';
import { registerDiscordRegisterCommand } from './commands/discord-register.command.ts';
import { registerDataFetchCommand } from './commands/data-fetch.command.ts';
import { registerDataImportCommand } from './commands/data-import.command.ts';
import { registerMigrateCommand } from './commands/migrate.command.ts';
import { registerRecommendCommand } from './commands/recommend.command.ts';
import { registerStartCommand } from './commands/start.command.ts';
import { registerTrainCommand } from './commands/train.command.ts';
import { registerWebCommand } from './commands/web.command.ts';
import { registerWorkerCommand } from './commands/worker.command.ts';
import { VERSION } from './runtime/version.ts';

/** Every `moviebot` subcommand, registered in one place. */
export function buildProgram(): Command {
  const program = new Command('moviebot')
    .description('Movie recommendations for Discord and Telegram communities')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)');
  registerStartCommand(program);
  registerMigrateCommand(program);
  const data = program.command('data').description('fetch and import MovieLens datasets');
  registerDataFetchCommand(data);
  registerDataImportCommand(data);
  const catalog = program.command('catalog').description('keep the catalog current from TMDB (optional)');
  registerCatalogSyncCommand(catalog);
  registerTrainCommand(program);
  registerRecommendCommand(program);
  registerChatCommand(program);
  registerDiscordRegisterCommand(program);
  registerWebCommand(program);
  registerBotCommand(program);
  registerWorkerCommand(program);
  return program;
}

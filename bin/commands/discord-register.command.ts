import type { Command } from 'commander';
import { REST, Routes } from 'discord.js';
import { COMMAND_DEFINITIONS } from '../../bot/discord/index.ts';
import { ConfigError } from '../../core/index.ts';
import { boot } from '../runtime/boot.ts';
import { say } from '../runtime/output.ts';

export function registerDiscordRegisterCommand(program: Command): void {
  const discord = program.command('discord').description('Discord administration');
  discord
    .command('register')
    .description('register the slash commands with Discord (global, or one guild for development)')
    .option('--guild <id>', 'register in this guild only (instant; global registration can take a while to show)')
    .action(async (opts: { guild?: string }) => {
      const { config } = boot('discord-register');
      const { token, appId, apiUrl } = config.discord;
      if (!token || !appId) {
        throw new ConfigError([{ variable: token ? 'DISCORD_APP_ID' : 'DISCORD_TOKEN', message: 'is required to register commands' }]);
      }
      const rest = new REST({ api: apiUrl }).setToken(token);
      const route = opts.guild ? Routes.applicationGuildCommands(appId, opts.guild) : Routes.applicationCommands(appId);
      await rest.put(route, { body: COMMAND_DEFINITIONS });
      say(`Registered ${COMMAND_DEFINITIONS.map((c) => `/${c.name}`).join(', ')} ${opts.guild ? `in guild ${opts.guild}` : 'globally'}.`);
    });
}

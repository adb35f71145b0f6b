export { createDiscordBot, COMMAND_DEFINITIONS } from './discord-bot.ts';
export type { DiscordDeps } from './discord-context.ts';

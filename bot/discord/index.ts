export { createDiscordBot } from './discord-bot.ts';
export { COMMAND_DEFINITIONS } from './registry.ts';
export type { DiscordDeps } from './discord-context.ts';

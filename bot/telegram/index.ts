export { createTelegramBot, launchTelegramBot } from './telegram-bot.ts';
export type { TelegramDeps } from './telegram-context.ts';

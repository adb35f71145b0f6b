import type { Context } from 'telegraf';
import { Composer } from 'telegraf';
import type { TelegramDeps } from '../telegram-context.ts';

export const HELP = [
  'I recommend movies from your favourites.',
  '/fav <title> — save a favourite',
  '/recommend — movies for you, with 👍/👎 buttons (in a group, /recommend group picks for everyone)',
  '/movie <title> — post a movie for the chat to rate',
  '/trends — the taste of a group',
  '@bot <title> in any chat — share a movie card; @bot alone — your picks',
  '/share — a link to your page',
  '/link — one profile across Discord, Telegram and the web (/unlink undoes it)',
  '/forget — delete everything I hold about you',
].join('\n');

export function startHandler({ share }: TelegramDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.start(async (ctx) => {
    const payload = ctx.payload ?? '';
    const slug = /^list_([A-Za-z0-9_-]{21,64})$/.exec(payload)?.[1];
    await ctx.reply(slug ? `A shared list: ${share.publicUrl}/l/${slug}\n\n${HELP}` : `Hello! ${HELP}`);
  });
  composer.help((ctx) => ctx.reply(HELP));
  return composer;
}

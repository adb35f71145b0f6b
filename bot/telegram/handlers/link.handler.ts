import type { Context } from 'telegraf';
import { Composer } from 'telegraf';
import { linkCode, redeemLink, unlink } from '../../../core/index.ts';
import { linkCodeText, linkedText, unlinkedText } from '../../shared/link-text.ts';
import { answering } from '../reply-errors.ts';
import { identityOf, type TelegramDeps } from '../telegram-context.ts';

/** What setMyCommands lists for this feature. */
export const LINK_COMMANDS = [
  { command: 'link', description: 'one profile across Discord, Telegram and the web' },
  { command: 'unlink', description: 'undo /link (each account keeps a copy)' },
];

/**
 * /link gives a one-time code, /link <code> makes this account and the one
 * that made it one profile, /unlink undoes it. Private chats only: a code
 * posted in a group could be typed by anyone there first.
 */
export function linkHandler({ deps, logger }: TelegramDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const inPrivate = (ctx: Context) => ctx.chat?.type === 'private';
  const dmMe = (ctx: Context) => {
    const bot = ctx.botInfo?.username;
    return ctx.reply(`Linking is done in a private chat, so your code stays yours: message me${bot ? ` at @${bot}` : ''} and send /link there.`);
  };
  composer.command('link', (ctx) =>
    answering(ctx, logger, async () => {
      if (!inPrivate(ctx)) return void (await dmMe(ctx));
      const typed = ctx.payload.trim();
      if (typed === '') return void (await ctx.reply(linkCodeText((await linkCode(deps, identityOf(ctx))).code)));
      await ctx.reply(linkedText((await redeemLink(deps, identityOf(ctx), typed)).linkedWith));
    }),
  );
  composer.command('unlink', (ctx) =>
    answering(ctx, logger, async () => {
      if (!inPrivate(ctx)) return void (await dmMe(ctx));
      await ctx.reply(unlinkedText((await unlink(deps, identityOf(ctx))).others));
    }),
  );
  return composer;
}

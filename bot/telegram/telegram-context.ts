import type { Context, Telegram } from 'telegraf';
import type { CommunityRef, ImportDeps, Logger, NightDeps, PlatformIdentity, ShareDeps } from '../../core/index.ts';

/** What every Telegram handler needs: the product's use-case dependencies. */
export interface TelegramDeps {
  deps: NightDeps & ImportDeps;
  share: ShareDeps;
  logger: Logger;
}

export function identityOf(ctx: Context): PlatformIdentity {
  const from = ctx.from!;
  return { platform: 'telegram', platformUserId: String(from.id), username: from.username ?? from.first_name ?? null };
}

/** The group or supergroup the update comes from, as a community; null in private chats and channels. */
export function groupOf(ctx: Context): CommunityRef | null {
  const chat = ctx.chat;
  if (!chat || (chat.type !== 'group' && chat.type !== 'supergroup')) return null;
  return { platform: 'telegram', id: String(chat.id), name: chat.title };
}

/**
 * Whether the sender runs the group: its creator or an administrator, or an
 * admin posting anonymously as the group itself.
 */
export async function isGroupAdmin(ctx: Context, telegram: Telegram = ctx.telegram): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat || !ctx.from) return false;
  if (ctx.message && 'sender_chat' in ctx.message && ctx.message.sender_chat?.id === chat.id) return true;
  const member = await telegram.getChatMember(chat.id, ctx.from.id);
  return member.status === 'creator' || member.status === 'administrator';
}

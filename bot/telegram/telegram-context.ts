import type { Context } from 'telegraf';
import type { CommunityDeps, CommunityRef, Logger, PlatformIdentity, ShareDeps } from '../../core/index.ts';

/** What every Telegram handler needs: the product's use-case dependencies. */
export interface TelegramDeps {
  deps: CommunityDeps;
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

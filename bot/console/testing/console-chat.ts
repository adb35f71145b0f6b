/** A terminal conversation's context on the in-memory stores, for testing one console command at a time. */
import type { PlatformIdentity } from '../../../core/index.ts';
import { botDeps } from '../../testing/bot-deps.ts';
import { newChatState, type ChatContext } from '../chat-context.ts';

export const ME: PlatformIdentity = { platform: 'console', platformUserId: 'local' };

export async function consoleChat() {
  const d = await botDeps();
  const ctx: ChatContext = { deps: d.deps, share: d.share, identity: ME, state: newChatState() };
  return { ...d, ctx };
}

import { Context } from 'telegraf';
import type { Update } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { groupOf, identityOf } from './telegram-context.ts';
import { BOT_INFO, GROUP_CHAT, PRIVATE_CHAT } from './testing/telegram-harness.ts';

const ctxOf = (chat: object, from: object) =>
  new Context({ update_id: 1, message: { message_id: 1, date: 0, chat, from, text: 'hi' } } as unknown as Update, {} as never, BOT_INFO);

describe('telegram context', () => {
  it('names the person by username, else first name', () => {
    expect(identityOf(ctxOf(PRIVATE_CHAT, { id: 7, is_bot: false, first_name: 'Ann', username: 'ann' }))).toEqual({
      platform: 'telegram',
      platformUserId: '7',
      username: 'ann',
    });
    expect(identityOf(ctxOf(PRIVATE_CHAT, { id: 7, is_bot: false, first_name: 'Ann' })).username).toBe('Ann');
  });

  it('a group or supergroup is a community; a private chat or channel is not', () => {
    const from = { id: 7, is_bot: false, first_name: 'Ann' };
    expect(groupOf(ctxOf(GROUP_CHAT, from))).toEqual({ platform: 'telegram', id: String(GROUP_CHAT.id), name: 'Movie club' });
    expect(groupOf(ctxOf({ id: -100, type: 'supergroup', title: 'Big' }, from))?.id).toBe('-100');
    expect(groupOf(ctxOf(PRIVATE_CHAT, from))).toBeNull();
    expect(groupOf(ctxOf({ id: -101, type: 'channel', title: 'News' }, from))).toBeNull();
  });
});

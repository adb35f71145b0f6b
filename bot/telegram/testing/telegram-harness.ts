/**
 * Runs telegraf middleware on updates the way Telegraf.handleUpdate does:
 * telegraf's own Context (so ctx.reply, answerCbQuery, payload and match
 * are telegraf's), over a Telegram client whose callApi records each call
 * instead of sending it and answers like the Bot API.
 */
import { Composer, Context, Telegram, type Middleware } from 'telegraf';
import type { InlineKeyboardButton, ReactionType, Update, UserFromGetMe } from 'telegraf/types';

export const BOT_INFO: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: 'Moviebot',
  username: 'moviebot_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
};

export interface ApiCall {
  method: string;
  /** What the fake Bot API answered (a sent message, or true). */
  result?: { message_id: number } | true;
  payload: Record<string, unknown> & {
    text?: string;
    reply_markup?: { inline_keyboard?: InlineKeyboardButton[][] };
    results?: { id: string; title: string; input_message_content: { message_text: string }; reply_markup?: { inline_keyboard: InlineKeyboardButton[][] } }[];
  };
}

export const ANN = { id: 1001, is_bot: false, first_name: 'Ann', username: 'ann' };
export const PRIVATE_CHAT = { id: 1001, type: 'private' as const, first_name: 'Ann' };
export const GROUP_CHAT = { id: -2002, type: 'group' as const, title: 'Movie club' };

type Chat = typeof PRIVATE_CHAT | typeof GROUP_CHAT;
type From = typeof ANN;

/** Every callback_data of an inline keyboard, row by row. */
export const callbackData = (markup?: { inline_keyboard?: InlineKeyboardButton[][] }) =>
  (markup?.inline_keyboard ?? []).flat().flatMap((b) => ('callback_data' in b ? [b.callback_data] : []));

export function telegramHarness(...middleware: Middleware<Context>[]) {
  const calls: ApiCall[] = [];
  let messageId = 500;
  let updateId = 1;
  const telegram = new Telegram('4242:TEST', { apiRoot: 'http://127.0.0.1:9' });
  // Answers as the Bot API would: a sent message comes back with its id and chat.
  telegram.callApi = (async (method: string, payload: ApiCall['payload']) => {
    const chat = payload.chat_id === GROUP_CHAT.id ? GROUP_CHAT : { ...PRIVATE_CHAT, id: payload.chat_id as number };
    const result = method === 'sendMessage' ? { message_id: ++messageId, date: 0, chat, text: payload.text, reply_markup: payload.reply_markup } : true;
    calls.push({ method, payload, result });
    return result;
  }) as Telegram['callApi'];
  const handler = Composer.unwrap(new Composer<Context>(...middleware).middleware());

  async function send(update: Omit<Update, 'update_id'> & { update_id?: number }): Promise<Context> {
    const ctx = new Context({ update_id: updateId++, ...update } as Update, telegram, BOT_INFO);
    await handler(ctx, async () => undefined);
    return ctx;
  }

  return {
    calls,
    /** The calls of one method, in order. */
    sent: (method: string) => calls.filter((c) => c.method === method).map((c) => c.payload),
    send,
    /** A text message; "/cmd args" carries the bot_command entity Telegram adds. */
    message: (text: string, o: { chat?: Chat; from?: From; extra?: Record<string, unknown> } = {}) => {
      const command = /^\/\S+/.exec(text);
      return send({
        message: {
          message_id: ++messageId,
          date: 0,
          chat: o.chat ?? PRIVATE_CHAT,
          from: o.from ?? ANN,
          text,
          ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
          ...o.extra,
        },
      } as never);
    },
    /** A tap on an inline button of a message the bot sent. */
    callback: (data: string, o: { id?: string; chat?: Chat; from?: From } = {}) =>
      send({
        callback_query: {
          id: o.id ?? `cb-${updateId}`,
          from: o.from ?? ANN,
          chat_instance: 'ci',
          data,
          message: { message_id: 77, date: 0, chat: o.chat ?? PRIVATE_CHAT, text: 'earlier message' },
        },
      } as never),
    inline: (query: string, offset = '', from: From = ANN) => send({ inline_query: { id: `iq-${updateId}`, from, query, offset } } as never),
    reaction: (o: { chat?: Chat; messageId: number; from?: From | null; old: string[]; now: string[] }) => {
      const emoji = (list: string[]): ReactionType[] => list.map((e) => ({ type: 'emoji', emoji: e }) as ReactionType);
      return send({
        message_reaction: {
          chat: o.chat ?? PRIVATE_CHAT,
          message_id: o.messageId,
          ...(o.from === null ? { actor_chat: o.chat ?? GROUP_CHAT } : { user: o.from ?? ANN }),
          date: 0,
          old_reaction: emoji(o.old),
          new_reaction: emoji(o.now),
        },
      } as never);
    },
  };
}

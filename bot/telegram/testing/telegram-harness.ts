/**
 * Runs telegraf middleware on updates the way Telegraf.handleUpdate does:
 * telegraf's own Context (so ctx.reply, answerCbQuery, payload and match
 * are telegraf's), over a Telegram client whose callApi records each call
 * instead of sending it and answers like the Bot API.
 */
import { Composer, Context, Telegram, TelegramError, type Middleware } from 'telegraf';
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
  /** What the fake Bot API answered (a sent message, a poll, a chat member, or true). */
  result?: unknown;
  payload: Record<string, unknown> & {
    text?: string;
    reply_markup?: { inline_keyboard?: InlineKeyboardButton[][] };
    results?: { id: string; title: string; input_message_content: { message_text: string }; reply_markup?: { inline_keyboard: InlineKeyboardButton[][] } }[];
  };
}

export const ANN = { id: 1001, is_bot: false, first_name: 'Ann', username: 'ann' };
export const BOB = { id: 1002, is_bot: false, first_name: 'Bob', username: 'bob' };
export const CY = { id: 1003, is_bot: false, first_name: 'Cy', username: 'cy' };
export const DAN = { id: 1004, is_bot: false, first_name: 'Dan', username: 'dan' };
export const PRIVATE_CHAT = { id: 1001, type: 'private' as const, first_name: 'Ann' };
export const GROUP_CHAT = { id: -2002, type: 'group' as const, title: 'Movie club' };

type Chat = typeof PRIVATE_CHAT | typeof GROUP_CHAT;
type From = typeof ANN;

/** Every callback_data of an inline keyboard, row by row. */
export const callbackData = (markup?: { inline_keyboard?: InlineKeyboardButton[][] }) =>
  (markup?.inline_keyboard ?? []).flat().flatMap((b) => ('callback_data' in b ? [b.callback_data] : []));

/** Who runs GROUP_CHAT, as getChatMember answers: these user ids are admins; the bot may pin unless told otherwise. */
export interface HarnessRights {
  admins: number[];
  botCanPin: boolean;
}

export function telegramHarness(...middleware: Middleware<Context>[]) {
  const calls: ApiCall[] = [];
  let messageId = 500;
  let updateId = 1;
  let pollId = 0;
  const rights: HarnessRights = { admins: [], botCanPin: true };
  const telegram = new Telegram('4242:TEST', { apiRoot: 'http://127.0.0.1:9' });
  // Answers as the Bot API would: a sent message or poll comes back with its id and chat; a member with their status.
  const answer = (method: string, payload: ApiCall['payload']): unknown => {
    const chat = payload.chat_id === GROUP_CHAT.id ? GROUP_CHAT : { ...PRIVATE_CHAT, id: payload.chat_id as number };
    switch (method) {
      case 'sendMessage':
        return { message_id: ++messageId, date: 0, chat, text: payload.text, reply_markup: payload.reply_markup };
      case 'sendPoll': {
        const options = (payload.options as string[]).map((text) => ({ text, voter_count: 0 }));
        const poll = { id: `90000000000000000${++pollId}`, question: payload.question, options, total_voter_count: 0, is_closed: false };
        return { message_id: ++messageId, date: 0, chat, poll: { ...poll, is_anonymous: payload.is_anonymous !== false, type: 'regular' } };
      }
      case 'stopPoll':
        return { id: 'stopped', question: '', options: [], total_voter_count: 0, is_closed: true };
      case 'getMe':
        return BOT_INFO;
      case 'getChatMember': {
        const id = payload.user_id as number;
        if (id === BOT_INFO.id)
          return rights.botCanPin ? { status: 'administrator', user: BOT_INFO, can_pin_messages: true } : { status: 'member', user: BOT_INFO };
        return { status: rights.admins.includes(id) ? 'administrator' : 'member', user: { id, is_bot: false, first_name: 'U' } };
      }
      case 'pinChatMessage':
        if (!rights.botCanPin)
          throw new TelegramError({ error_code: 400, description: 'Bad Request: not enough rights to manage pinned messages in the chat' });
        return true;
      default:
        return true;
    }
  };
  telegram.callApi = (async (method: string, payload: ApiCall['payload']) => {
    try {
      const result = answer(method, payload);
      calls.push({ method, payload, result });
      return result;
    } catch (err) {
      calls.push({ method, payload, result: err });
      throw err;
    }
  }) as Telegram['callApi'];
  const composer = new Composer<Context>(...middleware);

  async function send(update: Omit<Update, 'update_id'> & { update_id?: number }): Promise<Context> {
    const ctx = new Context({ update_id: updateId++, ...update } as Update, telegram, BOT_INFO);
    await Composer.unwrap(composer.middleware())(ctx, async () => undefined);
    return ctx;
  }

  return {
    calls,
    /** The client the handlers' ctx.telegram is; pass it to what sends outside an update (the night board). */
    telegram,
    rights,
    /** Adds middleware built from `telegram` (handlers that also send outside an update). */
    use: (...more: Middleware<Context>[]) => void composer.use(...more),
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
    /** A poll_answer update: `from` picked `optionIds` (empty: retracted) in a poll; it has no chat. */
    pollAnswer: (pollId: string, optionIds: number[], from: From = ANN) =>
      send({ poll_answer: { poll_id: pollId, user: from, option_ids: optionIds } } as never),
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

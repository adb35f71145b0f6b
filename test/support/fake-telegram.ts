import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BotApiError } from './bot-api-error.ts';
import { FakeTelegramFiles } from './fake-telegram-files.ts';
import { FakeChats, type ChatRights, type FakeChat, type FakeMessage } from './fake-telegram-chats.ts';
import type { FakePoll } from './fake-telegram-polls.ts';

export type { ChatRights, FakeMessage, FakePoll };

/** Update types Telegram leaves out while allowed_updates is unset or empty (documented default). */
const NOT_BY_DEFAULT = ['chat_member', 'message_reaction', 'message_reaction_count'];
const BOT = { id: 42, is_bot: true, first_name: 'Moviebot', username: 'moviebot_test_bot' };

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
  /** What the fake answered (e.g. the sent message, with its id). */
  result?: unknown;
  /** The Bot API error it answered instead (e.g. "Bad Request: poll has already been closed"). */
  error?: { code: number; description: string };
}

/**
 * A loopback stand-in for the Telegram Bot API (`${apiRoot}/bot${token}/${method}`),
 * enough for telegraf's long polling: getMe, deleteWebhook, getUpdates, and
 * the methods a bot calls, each recorded for the test to inspect. Sent
 * messages, edits, native polls, pins and chat admins live in `chats`
 * (fake-telegram-chats.ts), which refuses what the Bot API refuses.
 */
export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  private readonly pending: Record<string, unknown>[] = [];
  private updateId = 1000;
  private messageId = 1;
  private waiters: (() => void)[] = [];
  private server!: Server;
  apiRoot = '';
  readonly chats = new FakeChats(() => this.messageId++, BOT);
  /** Files users sent: getFile and downloads (fake-telegram-files.ts). */
  readonly files = new FakeTelegramFiles();
  /** The bot's allowed_updates, as last given to getUpdates or setWebhook; null until it gives one. */
  allowedUpdates: string[] | null = null;

  async start(): Promise<void> {
    this.server = createServer(
      (req, res) =>
        this.files.serve(req, res) ||
        void this.handle(req).then(
          (result) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result })),
          (err: unknown) => {
            const { code, description } = err instanceof BotApiError ? err : { code: 500, description: String(err) };
            res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error_code: code, description }));
          },
        ),
    );
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.apiRoot = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queues an update as Telegram would deliver it; returns its update_id. */
  push(update: Record<string, unknown>): number {
    const id = ++this.updateId;
    this.pending.push({ update_id: id, ...update });
    this.waiters.splice(0).forEach((w) => w());
    return id;
  }

  /** Delivers the same update again (Telegram may, after a timeout). */
  redeliver(updateId: number, update: Record<string, unknown>): void {
    this.pending.push({ update_id: updateId, ...update });
    this.waiters.splice(0).forEach((w) => w());
  }

  /** Would Telegram deliver updates of this type, given the allowed_updates the bot asked for? */
  delivers(type: string): boolean {
    return this.allowedUpdates?.length ? this.allowedUpdates.includes(type) : !NOT_BY_DEFAULT.includes(type);
  }

  /** Makes `owner` and `admins` run the group, and the bot an admin (with or without the pin right) or a plain member. */
  setRights(chatId: number, rights: ChatRights): void {
    this.chats.setRights(chatId, rights);
  }

  /**
   * `userId` picks `optionIds` (0-based) in a poll the bot sent; an empty
   * list retracts. The poll's counts change either way; the bot hears of it
   * (a poll_answer update; returns its update_id) only for a non-anonymous
   * poll still open, and only if it asked for 'poll_answer' in allowed_updates.
   */
  pollAnswer(userId: number, pollId: string, optionIds: number[]): number | null {
    const { notify, chatId } = this.chats.polls.answer(pollId, userId, optionIds);
    this.chats.saw(this.chats.chat(chatId), userId);
    if (!notify || !this.delivers('poll_answer')) return null;
    return this.push({
      poll_answer: { poll_id: pollId, user: { id: userId, is_bot: false, first_name: 'U', username: `user${userId}` }, option_ids: optionIds },
    });
  }

  /** A text message from `userId`, in their private chat or in `chat` (a group). */
  text(userId: number, text: string, chat: FakeChat = { id: userId, type: 'private' }): number {
    this.chats.saw(chat, userId);
    const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] : [];
    return this.push({
      message: { message_id: this.messageId++, date: 0, chat, from: { id: userId, is_bot: false, first_name: 'U', username: `user${userId}` }, text, entities },
    });
  }

  /** A message the user sent through the bot's inline mode (it carries `via_bot` and the result's keyboard). */
  viaBot(userId: number, chatId: number, text: string, replyMarkup: unknown): { messageId: number; updateId: number } {
    const messageId = this.messageId++;
    const updateId = this.push({
      message: {
        message_id: messageId,
        date: 0,
        chat: { id: chatId, type: chatId === userId ? 'private' : 'group', title: 'G' },
        from: { id: userId, is_bot: false, first_name: 'U', username: `user${userId}` },
        text,
        via_bot: { id: 42, is_bot: true, first_name: 'Moviebot', username: 'moviebot_test_bot' },
        reply_markup: replyMarkup,
      },
    });
    return { messageId, updateId };
  }

  /** A message_reaction update: the user's reactions on a message went from `before` to `after`. */
  reaction(userId: number, chatId: number, messageId: number, before: string[], after: string[]): number {
    const emoji = (list: string[]) => list.map((e) => ({ type: 'emoji', emoji: e }));
    return this.push({
      message_reaction: {
        chat: { id: chatId, type: chatId === userId ? 'private' : 'group', title: 'G' },
        message_id: messageId,
        user: { id: userId, is_bot: false, first_name: 'U' },
        date: 0,
        old_reaction: emoji(before),
        new_reaction: emoji(after),
      },
    });
  }

  /** A press on an inline button of message `messageId` in `chatId` (default: the user's private chat); the update carries the message as the bot sent it. */
  click(userId: number, messageId: number, data: string, queryId = `cb${this.updateId}`, chatId = userId): number {
    const chat = this.chats.chat(chatId);
    this.chats.saw(chat, userId);
    return this.push({
      callback_query: {
        id: queryId,
        from: { id: userId, is_bot: false, first_name: 'U', username: `user${userId}` },
        chat_instance: `ci${chatId}`,
        data,
        message: this.chats.message(chatId, messageId) ?? { message_id: messageId, date: 0, chat, text: '…' },
      },
    });
  }

  /** A document (a file) sent by `userId` in their private chat. */
  document(userId: number, document: ReturnType<FakeTelegramFiles['add']>): number {
    return this.push({
      message: {
        message_id: this.messageId++,
        date: 0,
        chat: { id: userId, type: 'private' },
        from: { id: userId, is_bot: false, first_name: 'U', username: `user${userId}` },
        document,
      },
    });
  }

  inline(userId: number, query: string, offset = ''): number {
    return this.push({
      inline_query: { id: `iq${this.updateId}`, from: { id: userId, is_bot: false, first_name: 'U', username: `user${userId}` }, query, offset },
    });
  }

  /** Resolves with the first call of `method` (after `from` calls) matching `predicate`. */
  async waitFor(method: string, predicate: (body: Record<string, unknown>) => boolean = () => true, from = 0, timeoutMs = 10_000): Promise<ApiCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.slice(from).find((c) => c.method === method && predicate(c.body));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${method} call; got ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async handle(req: IncomingMessage): Promise<unknown> {
    const method = (req.url ?? '').split('/').pop() ?? '';
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const call: ApiCall = { method, body };
    if (method !== 'getUpdates') this.calls.push(call);
    // Given, it replaces the setting; left out, the previous one stays.
    if ((method === 'getUpdates' || method === 'setWebhook') && Array.isArray(body.allowed_updates)) this.allowedUpdates = body.allowed_updates as string[];
    try {
      call.result = await this.answer(method, body);
      return call.result;
    } catch (err) {
      if (err instanceof BotApiError) call.error = { code: err.code, description: err.description };
      throw err;
    }
  }

  private async answer(method: string, body: Record<string, unknown>): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return BOT;
      case 'getUpdates': {
        const offset = Number(body.offset ?? 0);
        const take = () => this.pending.filter((u) => Number(u.update_id) >= offset);
        if (take().length === 0)
          await new Promise<void>((r) => {
            this.waiters.push(r);
            setTimeout(r, 300);
          });
        const updates = take();
        this.pending.splice(0, this.pending.length, ...this.pending.filter((u) => !updates.includes(u)));
        return updates;
      }
      case 'getFile':
        return this.files.getFile(body);
      default:
        return this.chats.handle(method, body) ?? true;
    }
  }
}

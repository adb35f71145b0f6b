import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
  /** What the fake answered (e.g. the sent message, with its id). */
  result?: unknown;
}

/**
 * A loopback stand-in for the Telegram Bot API (`${apiRoot}/bot${token}/${method}`),
 * enough for telegraf's long polling: getMe, deleteWebhook, getUpdates, and
 * the methods a bot calls, each recorded for the test to inspect.
 */
export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  private readonly pending: Record<string, unknown>[] = [];
  private updateId = 1000;
  private messageId = 1;
  private waiters: (() => void)[] = [];
  private server!: Server;
  apiRoot = '';

  async start(): Promise<void> {
    this.server = createServer(
      (req, res) =>
        void this.handle(req).then((result) => {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
        }),
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

  /** A text message from `userId`, in their private chat or in `chat` (a group). */
  text(userId: number, text: string, chat: { id: number; type: string; title?: string } = { id: userId, type: 'private' }): number {
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

  click(userId: number, messageId: number, data: string, queryId = `cb${this.updateId}`): number {
    return this.push({
      callback_query: {
        id: queryId,
        from: { id: userId, is_bot: false, first_name: 'U', username: `user${userId}` },
        chat_instance: 'ci',
        data,
        message: { message_id: messageId, date: 0, chat: { id: userId, type: 'private' }, text: '…' },
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
    switch (method) {
      case 'getMe':
        return { id: 42, is_bot: true, first_name: 'Moviebot', username: 'moviebot_test_bot' };
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
      case 'sendMessage': {
        const chatId = Number(body.chat_id);
        call.result = { message_id: this.messageId++, date: 0, chat: { id: chatId, type: chatId < 0 ? 'group' : 'private' }, text: body.text };
        return call.result;
      }
      default:
        return true;
    }
  }
}

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
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
    this.server = createServer((req, res) => void this.handle(req).then((result) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
    }));
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

  text(userId: number, text: string): number {
    const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] : [];
    return this.push({
      message: { message_id: this.messageId++, date: 0, chat: { id: userId, type: 'private' }, from: { id: userId, is_bot: false, first_name: 'U' }, text, entities },
    });
  }

  click(userId: number, messageId: number, data: string, queryId = `cb${this.updateId}`): number {
    return this.push({
      callback_query: {
        id: queryId,
        from: { id: userId, is_bot: false, first_name: 'U' },
        chat_instance: 'ci',
        data,
        message: { message_id: messageId, date: 0, chat: { id: userId, type: 'private' }, text: '…' },
      },
    });
  }

  inline(userId: number, query: string, offset = ''): number {
    return this.push({ inline_query: { id: `iq${this.updateId}`, from: { id: userId, is_bot: false, first_name: 'U' }, query, offset } });
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
    if (method !== 'getUpdates') this.calls.push({ method, body });
    switch (method) {
      case 'getMe':
        return { id: 42, is_bot: true, first_name: 'Moviebot', username: 'moviebot_test_bot' };
      case 'getUpdates': {
        const offset = Number(body.offset ?? 0);
        const take = () => this.pending.filter((u) => Number(u.update_id) >= offset);
        if (take().length === 0) await new Promise<void>((r) => { this.waiters.push(r); setTimeout(r, 300); });
        const updates = take();
        this.pending.splice(0, this.pending.length, ...this.pending.filter((u) => !updates.includes(u)));
        return updates;
      }
      case 'sendMessage':
        return { message_id: this.messageId++, date: 0, chat: { id: body.chat_id, type: 'private' }, text: body.text };
      default:
        return true;
    }
  }
}

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RestCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
  /** performance.now() when the request arrived. */
  at: number;
}

/**
 * A loopback stand-in for Discord: REST under /api/v10 and a gateway that
 * sends HELLO, answers IDENTIFY with READY, acknowledges heartbeats, and
 * lets the test dispatch INTERACTION_CREATE and reaction events.
 */
export class FakeDiscord {
  readonly calls: RestCall[] = [];
  readonly appId = '424242424242424242';
  private server!: Server;
  private wss!: WebSocketServer;
  private socket: WebSocket | undefined;
  private seq = 0;
  private nextId = 900_000_000_000_000_000n;
  private readonly waiters = new Set<(call: RestCall) => void>();
  apiUrl = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.rest(req).then(([status, body]) => {
      // Like Discord, a 204 has no body and no JSON content type (the client would try to parse it).
      if (status === 204) res.writeHead(204).end();
      else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }));
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (socket) => {
      this.socket = socket;
      socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
      socket.on('message', (raw) => {
        const msg = JSON.parse(String(raw)) as { op: number };
        if (msg.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
        if (msg.op === 2) this.dispatch('READY', {
          v: 10,
          user: { id: '42', username: 'moviebot', discriminator: '0', global_name: null, avatar: null, bot: true },
          guilds: [],
          session_id: 'session',
          resume_gateway_url: this.apiUrl.replace('http', 'ws').replace('/api', ''),
          application: { id: this.appId, flags: 0 },
          shard: [0, 1],
        });
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.apiUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  async stop(): Promise<void> {
    this.socket?.close();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  dispatch(t: string, d: unknown): void {
    this.socket?.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  snowflake(): string {
    return String(this.nextId++);
  }

  /** Dispatches an interaction from `userId` in a DM; returns its id. */
  interaction(userId: string, type: number, data: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
    const id = this.snowflake();
    this.dispatch('INTERACTION_CREATE', {
      id,
      application_id: this.appId,
      type,
      data,
      channel_id: '500',
      channel: { id: '500', type: 1 },
      user: { id: userId, username: `user${userId}`, discriminator: '0', global_name: null, avatar: null },
      token: `token-${id}`,
      version: 1,
      locale: 'en-US',
      app_permissions: '0',
      entitlements: [],
      authorizing_integration_owners: { 1: userId },
      context: 1,
      ...extra,
    });
    return id;
  }

  /** A button click on an ephemeral bot message; returns the interaction id. */
  click(userId: string, customId: string): string {
    return this.interaction(userId, 3, { custom_id: customId, component_type: 2 }, {
      message: {
        id: this.snowflake(),
        channel_id: '500',
        content: '',
        embeds: [],
        components: [],
        author: { id: '42', username: 'moviebot', discriminator: '0', avatar: null },
        attachments: [],
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        tts: false,
        mention_everyone: false,
        mentions: [],
        mention_roles: [],
        pinned: false,
        type: 0,
        flags: 64,
      },
    });
  }

  /** The first call from index `from` on that matches, waiting for it to arrive. */
  async waitFor(predicate: (c: RestCall) => boolean, from = 0, timeoutMs = 10_000): Promise<RestCall> {
    const found = this.calls.slice(from).find(predicate);
    if (found) return found;
    return new Promise((resolve, reject) => {
      const waiter = (call: RestCall) => {
        if (!predicate(call)) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(call);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching REST call; got ${this.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private async rest(req: IncomingMessage): Promise<[number, unknown]> {
    const at = performance.now();
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const path = (req.url ?? '').replace(/^\/api\/v10/, '').split('?')[0]!;
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      body = { raw };
    }
    const call = { method: req.method ?? 'GET', path, body, at };
    this.calls.push(call);
    for (const waiter of [...this.waiters]) waiter(call);
    if (path === '/gateway/bot') {
      return [200, { url: this.apiUrl.replace('http', 'ws').replace('/api', ''), shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } }];
    }
    if (/\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return [204, undefined];
    if (/\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) {
      return [200, { id: this.snowflake(), channel_id: '500', content: body.content ?? '', embeds: body.embeds ?? [], components: body.components ?? [], author: { id: '42', username: 'moviebot', discriminator: '0', avatar: null }, attachments: [], timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], pinned: false, type: 0 }];
    }
    if (/\/applications\/\d+\/commands$/.test(path)) return [200, Array.isArray(body) ? body : []];
    return [200, {}];
  }
}

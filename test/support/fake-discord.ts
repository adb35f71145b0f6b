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
/** A message as the fake stores it (the bot's replies), enough for discord.js to parse. */
export type FakeMessage = Record<string, unknown> & { id: string; channel_id: string };

export class FakeDiscord {
  readonly calls: RestCall[] = [];
  /** Messages the bot posted through interaction replies, by message id. */
  readonly messages = new Map<string, FakeMessage>();
  private readonly channelOf = new Map<string, { channel_id: string; guild_id?: string }>();
  private readonly replies = new Map<string, string>();
  readonly appId = '424242424242424242';
  private server!: Server;
  private wss!: WebSocketServer;
  /** One gateway connection per shard the bot identified as; events go to the shard Discord would route them to. */
  private readonly shards = new Map<number, { socket: WebSocket; count: number }>();
  /** Every IDENTIFY's [shard id, shard count], in arrival order. */
  readonly identified: [number, number][] = [];
  private seq = 0;
  private nextId = 900_000_000_000_000_000n;
  private readonly waiters = new Set<(call: RestCall) => void>();
  apiUrl = '';

  /** Guilds the bot is in: announced with GUILD_CREATE after READY, as Discord does for the Guilds intent. */
  constructor(private readonly guilds: { id: string; name: string; channelId: string }[] = []) {}

  async start(): Promise<void> {
    this.server = createServer(
      (req, res) =>
        void this.rest(req).then(([status, body]) => {
          // Like Discord, a 204 has no body and no JSON content type (the client would try to parse it).
          if (status === 204) res.writeHead(204).end();
          else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        }),
    );
    // Node's 5 s default can close a kept-alive socket just as a busy bot reuses it ("other side closed"); Discord keeps them longer.
    this.server.keepAliveTimeout = 65_000;
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (socket) => {
      socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
      socket.on('message', (raw) => {
        const msg = JSON.parse(String(raw)) as { op: number; d?: { shard?: [number, number] } };
        if (msg.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
        if (msg.op !== 2) return;
        const [shard, count] = msg.d?.shard ?? [0, 1];
        this.identified.push([shard, count]);
        this.shards.set(shard, { socket, count });
        const mine = this.guilds.filter((g) => shardOf(g.id, count) === shard);
        this.send(socket, 'READY', {
          v: 10,
          user: { id: '42', username: 'moviebot', discriminator: '0', global_name: null, avatar: null, bot: true },
          session_id: 'session',
          resume_gateway_url: this.apiUrl.replace('http', 'ws').replace('/api', ''),
          application: { id: this.appId, flags: 0 },
          shard: [shard, count],
          guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
        });
        for (const g of mine) this.send(socket, 'GUILD_CREATE', this.guildPayload(g));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.apiUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  async stop(): Promise<void> {
    for (const { socket } of this.shards.values()) socket.close();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Sends an event on the shard of its guild (direct messages: shard 0), as Discord routes them. */
  dispatch(t: string, d: unknown): void {
    const guildId = (d as { guild_id?: unknown } | null)?.guild_id;
    const count = this.shards.get(0)?.count ?? [...this.shards.values()][0]?.count ?? 1;
    const shard = typeof guildId === 'string' ? shardOf(guildId, count) : 0;
    const target = this.shards.get(shard);
    if (target) this.send(target.socket, t, d);
  }

  private send(socket: WebSocket, t: string, d: unknown): void {
    socket.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  snowflake(): string {
    return String(this.nextId++);
  }

  private guildPayload(g: { id: string; name: string; channelId: string }) {
    return {
      id: g.id,
      name: g.name,
      icon: null,
      owner_id: '1',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 1,
      voice_states: [],
      members: [],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      channels: [{ id: g.channelId, type: 0, name: 'general', position: 0, permission_overwrites: [], guild_id: g.id }],
    };
  }

  /** The message the bot posted in reply to an interaction. */
  replyTo(interactionId: string): FakeMessage | undefined {
    const id = this.replies.get(interactionId);
    return id ? this.messages.get(id) : undefined;
  }

  /** A 👍/👎 (or any) reaction added or removed by `userId` on a message. */
  react(userId: string, message: FakeMessage, emoji: string, added = true): void {
    this.dispatch(added ? 'MESSAGE_REACTION_ADD' : 'MESSAGE_REACTION_REMOVE', {
      user_id: userId,
      channel_id: message.channel_id,
      message_id: message.id,
      ...(message.guild_id ? { guild_id: message.guild_id } : {}),
      emoji: { id: null, name: emoji },
      burst: false,
      type: 0,
      ...(added ? { message_author_id: '42' } : {}),
    });
  }

  /** Dispatches an interaction from `userId` in a DM; returns its id. */
  interaction(userId: string, type: number, data: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
    const id = this.snowflake();
    const where = { channel_id: String(extra.channel_id ?? '500'), ...(extra.guild_id ? { guild_id: String(extra.guild_id) } : {}) };
    this.channelOf.set(id, where);
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

  /**
   * A button click on a bot message (by default an ephemeral one with no
   * content); pass a message from {@link replyTo} or an update to click on it.
   */
  click(userId: string, customId: string, on: Partial<FakeMessage> = {}, extra: Record<string, unknown> = {}): string {
    return this.interaction(
      userId,
      3,
      { custom_id: customId, component_type: 2 },
      {
        ...extra,
        message: { ...this.messagePayload({ embeds: [], components: [] }, String(extra.channel_id ?? '500')), flags: 64, ...on },
      },
    );
  }

  private messagePayload(data: Record<string, unknown>, channelId: string, guildId?: string): FakeMessage {
    return {
      id: this.snowflake(),
      channel_id: channelId,
      ...(guildId ? { guild_id: guildId } : {}),
      content: data.content ?? '',
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      author: { id: '42', username: 'moviebot', discriminator: '0', avatar: null, bot: true },
      attachments: [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
      type: 0,
      flags: data.flags ?? 0,
    };
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
      return [
        200,
        {
          url: this.apiUrl.replace('http', 'ws').replace('/api', ''),
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    const callback = /\/interactions\/(\d+)\/[^/]+\/callback$/.exec(path);
    if (callback) {
      const data = body.data as Record<string, unknown> | undefined;
      // A reply (type 4) becomes a message in the interaction's channel, which reactions can target.
      if (body.type === 4 && data) {
        const where = this.channelOf.get(callback[1]!) ?? { channel_id: '500' };
        const message = this.messagePayload(data, where.channel_id, where.guild_id);
        this.messages.set(message.id, message);
        this.replies.set(callback[1]!, message.id);
      }
      return [204, undefined];
    }
    const fetched = /^\/channels\/\d+\/messages\/(\d+)$/.exec(path);
    if (fetched && req.method === 'GET') {
      const message = this.messages.get(fetched[1]!);
      return message ? [200, message] : [404, { message: 'Unknown Message', code: 10008 }];
    }
    if (/\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) {
      return [
        200,
        {
          id: this.snowflake(),
          channel_id: '500',
          content: body.content ?? '',
          embeds: body.embeds ?? [],
          components: body.components ?? [],
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
        },
      ];
    }
    if (/\/applications\/\d+\/commands$/.test(path)) return [200, Array.isArray(body) ? body : []];
    return [200, {}];
  }
}

/** Discord's routing: shard_id = (guild_id >> 22) % num_shards. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** Where an interaction comes from when it is sent in a server's text channel: pass it as `extra`. */
export function inGuild(guildId: string, channelId: string) {
  return { guild_id: guildId, channel_id: channelId, channel: { id: channelId, type: 0, guild_id: guildId } };
}

/** The `member` a server interaction carries for `userId` (with `permissions`, e.g. Manage Server): pass it as `extra`. */
export function asMember(userId: string, permissions = '0') {
  return {
    member: {
      user: { id: userId, username: `m${userId}`, discriminator: '0', global_name: null, avatar: null },
      roles: [],
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      permissions,
      pending: false,
    },
  };
}

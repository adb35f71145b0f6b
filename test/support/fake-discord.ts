import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { FakeAttachments } from './fake-discord-attachments.ts';
import { FakeScheduledEvents } from './fake-discord-events.ts';
import { FakeChannelMessages, invalidMessage, type FakeMessage } from './fake-discord-messages.ts';

export type { FakeMessage } from './fake-discord-messages.ts';

export interface RestCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
  /** performance.now() when the request arrived. */
  at: number;
}

/** A server the bot is in: its text channel, and any other channels (voice: type 2, stage: 13). */
export interface FakeGuild {
  id: string;
  name: string;
  channelId: string;
  channels?: { id: string; type: number; name: string }[];
}

const BOT_USER = { id: '42', username: 'moviebot', discriminator: '0', global_name: null, avatar: null, bot: true };

/**
 * A loopback stand-in for Discord: REST under /api/v10 and a gateway that
 * sends HELLO, answers IDENTIFY with READY, acknowledges heartbeats, and
 * lets the test dispatch INTERACTION_CREATE and reaction events. Channel
 * messages are in fake-discord-messages.ts, guild scheduled events in
 * fake-discord-events.ts.
 */
export class FakeDiscord {
  readonly calls: RestCall[] = [];
  private readonly host = {
    snowflake: () => this.snowflake(),
    botUser: BOT_USER,
    guildOf: (channelId: string) => this.guilds.find((g) => g.channelId === channelId || g.channels?.some((c) => c.id === channelId))?.id,
    channelType: (guildId: string, channelId: string) => {
      const g = this.guilds.find((x) => x.id === guildId);
      return g?.channelId === channelId ? 0 : g?.channels?.find((c) => c.id === channelId)?.type;
    },
    dispatchWithIntent: (intent: number, t: string, d: { guild_id: string }) => this.dispatchWithIntent(intent, t, d),
  };
  /** The bot's channel posts and interaction replies, with edits counted per message. */
  readonly channelMessages = new FakeChannelMessages(this.host);
  /** Messages the bot posted (channel posts and interaction replies), by message id. */
  readonly messages: Map<string, FakeMessage> = this.channelMessages.messages;
  /** Guild scheduled events. */
  readonly events = new FakeScheduledEvents(this.host);
  /** Files attached to command options, served like Discord's CDN (fake-discord-attachments.ts). */
  readonly attachments = new FakeAttachments({ snowflake: () => this.snowflake(), baseUrl: () => this.apiUrl.replace(/\/api$/, '') });
  private readonly channelOf = new Map<string, { channel_id: string; guild_id?: string }>();
  private readonly replies = new Map<string, string>();
  private readonly interactionTypes = new Map<string, number>();
  /** Every interaction dispatched, by id (for redelivery). */
  private readonly dispatched = new Map<string, unknown>();
  /** The message each button click was on (its id). */
  private readonly clickedOn = new Map<string, string>();
  readonly appId = '424242424242424242';
  private server!: Server;
  private wss!: WebSocketServer;
  /** One gateway connection per shard the bot identified as; events go to the shard Discord would route them to. */
  private readonly shards = new Map<number, { socket: WebSocket; count: number; intents: number }>();
  /** Every IDENTIFY's [shard id, shard count], in arrival order. */
  readonly identified: [number, number][] = [];
  private seq = 0;
  private nextId = 900_000_000_000_000_000n;
  private readonly waiters = new Set<(call: RestCall) => void>();
  apiUrl = '';

  /** Guilds the bot is in: announced with GUILD_CREATE after READY, as Discord does for the Guilds intent. */
  constructor(private readonly guilds: FakeGuild[] = []) {}

  async start(): Promise<void> {
    this.server = createServer(
      (req, res) =>
        this.attachments.serve(req, res) ||
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
        const msg = JSON.parse(String(raw)) as { op: number; d?: { shard?: [number, number]; intents?: number } };
        if (msg.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
        if (msg.op !== 2) return;
        const [shard, count] = msg.d?.shard ?? [0, 1];
        this.identified.push([shard, count]);
        this.shards.set(shard, { socket, count, intents: msg.d?.intents ?? 0 });
        const mine = this.guilds.filter((g) => shardOf(g.id, count) === shard);
        this.send(socket, 'READY', {
          v: 10,
          user: BOT_USER,
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
    const target = this.shardFor(d);
    if (target) this.send(target.socket, t, d);
  }

  /** Like {@link dispatch}, for an event Discord only sends to connections that identified with `intent`. */
  dispatchWithIntent(intent: number, t: string, d: { guild_id: string }): void {
    const target = this.shardFor(d);
    if (target && (target.intents & intent) !== 0) this.send(target.socket, t, d);
  }

  /** The gateway intents the bot identified with (shard 0's). */
  get intents(): number {
    return this.shards.get(0)?.intents ?? 0;
  }

  private shardFor(d: unknown) {
    const guildId = (d as { guild_id?: unknown } | null)?.guild_id;
    const count = this.shards.get(0)?.count ?? [...this.shards.values()][0]?.count ?? 1;
    return this.shards.get(typeof guildId === 'string' ? shardOf(guildId, count) : 0);
  }

  private send(socket: WebSocket, t: string, d: unknown): void {
    socket.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  snowflake(): string {
    return String(this.nextId++);
  }

  private guildPayload(g: FakeGuild) {
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
      guild_scheduled_events: this.events.inGuild(g.id),
      soundboard_sounds: [],
      channels: [{ id: g.channelId, type: 0, name: 'general' }, ...(g.channels ?? [])].map((c, position) => ({
        ...c,
        position,
        permission_overwrites: [],
        guild_id: g.id,
      })),
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

  /** Sends an interaction again, same id and token, as a resumed gateway session can replay it. */
  redeliver(interactionId: string): void {
    const payload = this.dispatched.get(interactionId);
    if (!payload) throw new Error(`no interaction ${interactionId}`);
    this.dispatch('INTERACTION_CREATE', payload);
  }

  /** Dispatches an interaction from `userId` in a DM; returns its id. */
  interaction(userId: string, type: number, data: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
    const id = this.snowflake();
    const where = { channel_id: String(extra.channel_id ?? '500'), ...(extra.guild_id ? { guild_id: String(extra.guild_id) } : {}) };
    this.channelOf.set(id, where);
    this.interactionTypes.set(id, type);
    const payload = {
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
    };
    this.dispatched.set(id, payload);
    this.dispatch('INTERACTION_CREATE', payload);
    return id;
  }

  /**
   * A button click on a bot message (by default an ephemeral one with no
   * content); pass a message from {@link replyTo} or an update to click on it.
   */
  click(userId: string, customId: string, on: Partial<FakeMessage> = {}, extra: Record<string, unknown> = {}): string {
    const id = this.interaction(
      userId,
      3,
      { custom_id: customId, component_type: 2 },
      {
        ...extra,
        message: { ...this.messagePayload({ embeds: [], components: [] }, String(extra.channel_id ?? '500')), flags: 64, ...on },
      },
    );
    if (on.id) this.clickedOn.set(id, on.id);
    return id;
  }

  /** A message payload that is not stored (what a click carries when no stored message is given). */
  private messagePayload(data: Record<string, unknown>, channelId: string): FakeMessage {
    const message = this.channelMessages.post(data, channelId);
    this.messages.delete(message.id);
    return message;
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
        const last = this.calls.slice(-20).map((c) => `${c.method} ${c.path}`);
        reject(new Error(`no matching REST call within ${timeoutMs} ms; the last ${last.length} of ${this.calls.length}: ${last.join(', ')}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private async rest(req: IncomingMessage): Promise<[number, unknown]> {
    const at = performance.now();
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const [path, search] = (req.url ?? '').replace(/^\/api\/v10/, '').split('?') as [string, string | undefined];
    const query = new URLSearchParams(search ?? '');
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
      const bad = data && invalidMessage(data);
      if (bad) return bad;
      // A reply (type 4) becomes a message in the interaction's channel, which reactions can target and the bot can edit.
      let message: FakeMessage | undefined;
      // An update (type 7) edits the message the clicked button is on, when the fake holds it.
      const clicked = this.messages.get(this.clickedOn.get(callback[1]!) ?? '');
      if (body.type === 7 && data && clicked) this.channelMessages.edit(clicked, data);
      if (body.type === 4 && data) {
        const where = this.channelOf.get(callback[1]!) ?? { channel_id: '500' };
        message = this.channelMessages.post(data, where.channel_id, where.guild_id);
        this.replies.set(callback[1]!, message.id);
      }
      // `?with_response=true` answers with the interaction callback response (and the message it made), else 204.
      if (query.get('with_response') !== 'true') return [204, undefined];
      return [
        200,
        {
          interaction: {
            id: callback[1],
            type: this.interactionTypes.get(callback[1]!) ?? 2,
            response_message_id: message?.id,
            response_message_loading: body.type === 5,
            response_message_ephemeral: (((data?.flags as number | undefined) ?? 0) & 64) !== 0,
          },
          resource: { type: body.type, ...(message ? { message } : {}) },
        },
      ];
    }
    const routed = this.channelMessages.route(call.method, path, body) ?? this.events.route(call.method, path, query, body);
    if (routed) return routed;
    // Follow-ups (POST /webhooks/{app}/{token}) and the original reply (…/messages/@original): the fake's tokens are "token-<interaction id>".
    const webhook = /^\/webhooks\/\d+\/token-(\d+)(\/messages\/(?:@|%40)original)?$/.exec(path);
    if (webhook) {
      const [, interactionId, original] = webhook as unknown as [string, string, string | undefined];
      const where = this.channelOf.get(interactionId) ?? { channel_id: '500' };
      const reply = this.replyTo(interactionId);
      if (!original || (call.method === 'PATCH' && !reply)) {
        // A follow-up, or the first answer to a deferred interaction: a new message in the interaction's channel.
        const bad = invalidMessage(body);
        if (bad) return bad;
        const message = this.channelMessages.post(body, where.channel_id, where.guild_id);
        if (original) this.replies.set(interactionId, message.id);
        return [200, message];
      }
      if (!reply) return [404, { message: 'Unknown Message', code: 10008 }];
      return call.method === 'PATCH' ? this.channelMessages.edit(reply, body) : [200, reply];
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

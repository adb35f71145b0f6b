/**
 * Channel messages for the loopback Discord fake (fake-discord.ts): what a
 * bot needs to post a public message and edit it in place
 * (`POST /channels/{id}/messages`, `PATCH /channels/{id}/messages/{id}`),
 * with Discord's limits checked (content ≤ 2000 characters, ≤ 5 rows of ≤ 5
 * buttons, custom ids ≤ 100) and every edit counted per message.
 */

/** A message as the fake stores it, enough for discord.js to parse. */
export type FakeMessage = Record<string, unknown> & { id: string; channel_id: string };

type Reply = [number, unknown];

const UNKNOWN_MESSAGE: Reply = [404, { message: 'Unknown Message', code: 10008 }];
const fieldError = (code: string, message: string) => ({ _errors: [{ code, message }] });

/** Discord's checks of a message body's content and components; the 400 reply when one fails, else null. */
export function invalidMessage(body: Record<string, unknown>): Reply | null {
  const errors: Record<string, unknown> = {};
  if (typeof body.content === 'string' && body.content.length > 2000) errors.content = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
  const rows = (body.components ?? []) as { components?: { custom_id?: string }[] }[];
  if (rows.length > 5) errors.components = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
  rows.forEach((row, r) => {
    const buttons = row.components ?? [];
    if (buttons.length > 5) errors.components = { [r]: { components: fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.') } };
    buttons.forEach((b, c) => {
      if ((b.custom_id?.length ?? 0) > 100) {
        errors.components = { [r]: { components: { [c]: { custom_id: fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.') } } } };
      }
    });
  });
  return Object.keys(errors).length ? [400, { message: 'Invalid Form Body', code: 50035, errors }] : null;
}

export class FakeChannelMessages {
  /** Every message the bot posted (channel posts and interaction replies), by id. */
  readonly messages = new Map<string, FakeMessage>();
  /** Edits per message id (PATCH calls that succeeded). */
  private readonly edits = new Map<string, number>();

  constructor(
    private readonly host: {
      snowflake(): string;
      /** The guild a channel belongs to, when it is one of the fake's guild channels. */
      guildOf(channelId: string): string | undefined;
      readonly botUser: Record<string, unknown>;
    },
  ) {}

  /** A new message by the bot in `channelId`, stored. */
  post(data: Record<string, unknown>, channelId: string, guildId = this.host.guildOf(channelId)): FakeMessage {
    const message: FakeMessage = {
      id: this.host.snowflake(),
      channel_id: channelId,
      ...(guildId ? { guild_id: guildId } : {}),
      content: data.content ?? '',
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      author: this.host.botUser,
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
      ...(data.allowed_mentions ? { allowed_mentions: data.allowed_mentions } : {}),
    };
    this.messages.set(message.id, message);
    return message;
  }

  /** How many times the bot edited this message. */
  editsOf(messageId: string): number {
    return this.edits.get(messageId) ?? 0;
  }

  /** Messages the bot posted in a channel, oldest first. */
  inChannel(channelId: string): FakeMessage[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channelId);
  }

  /** Answers a REST call under /channels/{id}/messages, or returns null for any other path. */
  route(method: string, path: string, body: Record<string, unknown>): Reply | null {
    const match = /^\/channels\/(\d+)\/messages(?:\/(\d+))?$/.exec(path);
    if (!match) return null;
    const [, channelId, messageId] = match as unknown as [string, string, string | undefined];
    if (!messageId) {
      if (method !== 'POST') return [200, this.inChannel(channelId).reverse()];
      if (!body.content && !(body.embeds as unknown[] | undefined)?.length && !(body.components as unknown[] | undefined)?.length) {
        return [400, { message: 'Cannot send an empty message', code: 50006 }];
      }
      return invalidMessage(body) ?? [200, this.post(body, channelId)];
    }
    const message = this.messages.get(messageId);
    if (!message || message.channel_id !== channelId) return UNKNOWN_MESSAGE;
    if (method === 'GET') return [200, message];
    if (method === 'DELETE') {
      this.messages.delete(messageId);
      return [204, undefined];
    }
    if (method !== 'PATCH') return [405, { message: '405: Method Not Allowed', code: 0 }];
    return this.edit(message, body);
  }

  /** Edits a stored message in place (a PATCH of it, or of an interaction's original reply), counting the edit. */
  edit(message: FakeMessage, body: Record<string, unknown>): Reply {
    const bad = invalidMessage(body);
    if (bad) return bad;
    for (const key of ['content', 'embeds', 'components', 'flags', 'allowed_mentions'] as const) if (key in body) message[key] = body[key];
    message.edited_timestamp = new Date().toISOString();
    this.edits.set(message.id, this.editsOf(message.id) + 1);
    return [200, message];
  }
}

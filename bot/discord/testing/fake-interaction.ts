/**
 * A discord.js interaction reduced to what the handlers read (options, user,
 * guild, custom id, the clicked message) and what they call (reply, update,
 * respond), each call recorded as plain JSON the way Discord would receive it.
 */
import { MessageFlags, PermissionFlagsBits, type APIActionRowComponent, type APIEmbed, type APIComponentInActionRow } from 'discord.js';

/** A reply, update or autocomplete answer as sent: builders turned into their JSON. */
export interface SentMessage {
  content?: string;
  flags?: number;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInActionRow>[];
  allowedMentions?: { parse?: string[] };
}

type Jsonable<T> = T | { toJSON(): T };
const json = <T>(x: Jsonable<T>): T => (typeof x === 'object' && x !== null && 'toJSON' in x && typeof x.toJSON === 'function' ? x.toJSON() : (x as T));

function sent(payload: Record<string, unknown>): SentMessage {
  return {
    ...payload,
    embeds: ((payload.embeds as Jsonable<APIEmbed>[] | undefined) ?? []).map(json),
    components: ((payload.components as Jsonable<APIActionRowComponent<APIComponentInActionRow>>[] | undefined) ?? []).map(json),
  } as SentMessage;
}

export interface FakeInteractionOptions {
  /** Discord's interaction id; the same id twice is a redelivery. */
  id?: string;
  kind?: 'command' | 'autocomplete' | 'button';
  commandName?: string;
  userId?: string;
  username?: string;
  /** null: a direct message. */
  guildId?: string | null;
  strings?: Record<string, string | null>;
  booleans?: Record<string, boolean | null>;
  integers?: Record<string, number | null>;
  /** Channel options: the channel's id and type (2 voice, 13 stage). */
  channels?: Record<string, { id: string; type: number } | null>;
  /** Attachment options, as discord.js's Attachment: name, url, size. */
  attachments?: Record<string, { name: string; url: string; size: number; contentType?: string | null } | null>;
  /** The channel the interaction comes from. */
  channelId?: string;
  subcommand?: string;
  focused?: string;
  customId?: string;
  /** The message a button sits on (as a handler's earlier reply). */
  message?: SentMessage;
  /** The member may manage the server (Discord's ManageGuild). */
  canManageGuild?: boolean;
  /** The member may manage the server's events (Discord's ManageEvents). */
  canManageEvents?: boolean;
}

export interface FakeInteraction {
  id: string;
  replies: SentMessage[];
  updates: SentMessage[];
  /** Autocomplete answers. */
  responses: { name: string; value: string }[][];
  replied: boolean;
  deferred?: boolean;
  [key: string]: unknown;
}

let nextId = 1;

/** One interaction; cast it to the handler's parameter type with `as never`. */
export function fakeInteraction(o: FakeInteractionOptions = {}): FakeInteraction {
  const kind = o.kind ?? 'command';
  const i: FakeInteraction = {
    id: o.id ?? `interaction-${nextId++}`,
    replies: [],
    updates: [],
    responses: [],
    replied: false,
    commandName: o.commandName,
    user: { id: o.userId ?? 'u1', username: o.username ?? 'ann', bot: false },
    guildId: o.guildId === undefined ? 'g1' : o.guildId,
    channelId: o.channelId ?? 'c1',
    guild: o.guildId === null ? null : { name: 'Movie night' },
    customId: o.customId ?? '',
    memberPermissions:
      o.guildId === null
        ? null
        : { has: (flag: bigint) => (flag === PermissionFlagsBits.ManageEvents ? (o.canManageEvents ?? false) : (o.canManageGuild ?? false)) },
    message: o.message
      ? {
          embeds: o.message.embeds,
          // discord.js hands components out as objects with toJSON(), as the handlers read them.
          components: o.message.components.map((row) => ({ toJSON: () => row })),
        }
      : undefined,
    options: {
      getString: (name: string, required?: boolean) => {
        const value = o.strings?.[name] ?? null;
        if (value === null && required) throw new Error(`required option ${name} missing`);
        return value;
      },
      getBoolean: (name: string) => o.booleans?.[name] ?? null,
      getInteger: (name: string) => o.integers?.[name] ?? null,
      getChannel: (name: string) => o.channels?.[name] ?? null,
      getAttachment: (name: string) => o.attachments?.[name] ?? null,
      getSubcommand: () => o.subcommand,
      getFocused: () => o.focused ?? '',
    },
    isAutocomplete: () => kind === 'autocomplete',
    isChatInputCommand: () => kind === 'command',
    isButton: () => kind === 'button',
    isRepliable: () => kind !== 'autocomplete',
    // With withResponse, like discord.js: the callback response, naming the message the reply made.
    async reply(payload: Record<string, unknown>) {
      if (i.replied) throw new Error('InteractionAlreadyReplied');
      i.replied = true;
      i.replies.push(sent(payload));
      return payload.withResponse ? { resource: { message: { id: `reply-${i.id}` } } } : undefined;
    },
    async update(payload: Record<string, unknown>) {
      if (i.replied) throw new Error('InteractionAlreadyReplied');
      i.replied = true;
      i.updates.push(sent(payload));
    },
    async respond(choices: { name: string; value: string }[]) {
      i.responses.push(choices);
    },
    async deferUpdate() {
      i.replied = true;
    },
    async deferReply() {
      i.deferred = true;
    },
    // A deferred interaction is answered by editing the reply: recorded as the reply.
    async editReply(payload: Record<string, unknown>) {
      i.replied = true;
      i.replies.push(sent(payload));
    },
    async followUp(payload: Record<string, unknown>) {
      i.replies.push(sent(payload));
    },
  };
  return i;
}

export const isEphemeral = (m: SentMessage) => ((m.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

/** Every button's custom id, row by row. */
export const customIds = (m: SentMessage) => m.components.flatMap((row) => row.components.flatMap((c) => ('custom_id' in c ? [c.custom_id] : [])));

/** Everything a person reads in the message: content, titles, field names and values. */
export const textOf = (m: SentMessage) =>
  [m.content ?? '', ...m.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])].join('\n');

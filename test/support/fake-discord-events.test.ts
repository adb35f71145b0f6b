/**
 * The Discord fake's scheduled events and channel messages, driven by the
 * real discord.js client as the product creates it (createDiscordBot): it
 * creates an event, hears who pressed "Interested" (also on an event it has
 * not cached, as after a restart), hears the event end, and gets Discord's
 * errors for a bad body or a missing permission. A client without the
 * GuildScheduledEvents intent hears none of it, as on Discord.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  GuildScheduledEventStatus,
  type GuildScheduledEvent,
  type TextChannel,
} from 'discord.js';
import { pino } from 'pino';
import { createDiscordBot } from '../../bot/discord/index.ts';
import { FakeDiscord } from './fake-discord.ts';
import { EventStatus, GUILD_SCHEDULED_EVENTS_INTENT } from './fake-discord-events.ts';

const GUILD = '700700700700700700';
const TEXT = '701';
const VOICE = '702';
const STAGE = '703';
const MEMBER = '710710710710710710';

async function loggedIn(client: Client): Promise<Client> {
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login('fake-token');
  await ready;
  return client;
}

/** The next time `event` is emitted, its arguments. */
const next = <T extends unknown[]>(client: Client, event: string, timeoutMs = 5_000) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event}`)), timeoutMs);
    client.once(event, (...args: unknown[]) => {
      clearTimeout(timer);
      resolve(args as T);
    });
  });

describe('the Discord fake: scheduled events and channel messages through discord.js', () => {
  const discord = new FakeDiscord([
    {
      id: GUILD,
      name: 'Film Club',
      channelId: TEXT,
      channels: [
        { id: VOICE, type: 2, name: 'Cinema' },
        { id: STAGE, type: 13, name: 'Stage' },
      ],
    },
  ]);
  let bot: Client;
  const start = () => new Date(Date.now() + 3_600_000);

  beforeAll(async () => {
    await discord.start();
    bot = await loggedIn(createDiscordBot(discord.apiUrl, { deps: {} as never, share: {} as never, logger: pino({ level: 'silent' }) }));
  });
  afterAll(async () => {
    await bot?.destroy();
    await discord.stop();
  });

  it('creates a voice-channel event, hears "Interested" added and removed, and the event ending', async () => {
    const guild = bot.guilds.cache.get(GUILD)!;
    const announced = next<[GuildScheduledEvent]>(bot, Events.GuildScheduledEventCreate);
    const event = await guild.scheduledEvents.create({
      name: 'Alien (1979)',
      description: 'Picked for Ann and Bo',
      scheduledStartTime: start(),
      privacyLevel: GuildScheduledEventPrivacyLevel.GuildOnly,
      entityType: GuildScheduledEventEntityType.Voice,
      channel: VOICE,
    });
    expect((await announced)[0].id).toBe(event.id);
    expect(discord.events.events.get(event.id)).toMatchObject({ name: 'Alien (1979)', channel_id: VOICE, entity_type: 2, privacy_level: 2, status: 1 });

    const added = next<[GuildScheduledEvent, { id: string }]>(bot, Events.GuildScheduledEventUserAdd);
    discord.events.setInterested(event.id, MEMBER);
    const [onEvent, user] = await added;
    expect([onEvent.id, user.id]).toEqual([event.id, MEMBER]);

    // After a restart the event is not in the cache: the partial still names it.
    guild.scheduledEvents.cache.clear();
    const removed = next<[GuildScheduledEvent, { id: string }]>(bot, Events.GuildScheduledEventUserRemove);
    discord.events.setInterested(event.id, MEMBER, false);
    expect((await removed)[0].id).toBe(event.id);

    const users = await discord.events.route('GET', `/guilds/${GUILD}/scheduled-events/${event.id}/users`, new URLSearchParams(), {});
    expect(users).toEqual([200, []]);

    const started = next<[GuildScheduledEvent | null, GuildScheduledEvent]>(bot, Events.GuildScheduledEventUpdate);
    await (await guild.scheduledEvents.fetch(event.id)).setStatus(GuildScheduledEventStatus.Active);
    expect((await started)[1].status).toBe(GuildScheduledEventStatus.Active);
    const ended = next<[GuildScheduledEvent | null, GuildScheduledEvent]>(bot, Events.GuildScheduledEventUpdate);
    discord.events.setStatus(event.id, EventStatus.Completed);
    expect((await ended)[1].status).toBe(GuildScheduledEventStatus.Completed);
  });

  it("answers a bad body with Discord's Invalid Form Body and a missing permission with 50013", async () => {
    const guild = bot.guilds.cache.get(GUILD)!;
    const base = { name: 'Heat (1995)', scheduledStartTime: start(), privacyLevel: GuildScheduledEventPrivacyLevel.GuildOnly };
    const external = { ...base, entityType: GuildScheduledEventEntityType.External, entityMetadata: { location: 'Ann’s sofa' } };
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (err: unknown) => err as DiscordAPIError,
      );

    const noEnd = await failure(guild.scheduledEvents.create(external));
    expect(noEnd).toBeInstanceOf(DiscordAPIError);
    expect([noEnd!.status, noEnd!.code]).toEqual([400, 50035]);
    expect((noEnd!.rawError as { errors: Record<string, unknown> }).errors).toHaveProperty('scheduled_end_time');
    const longName = await failure(guild.scheduledEvents.create({ ...external, name: 'x'.repeat(101), scheduledEndTime: new Date(Date.now() + 7_200_000) }));
    expect((longName!.rawError as { errors: Record<string, unknown> }).errors).toHaveProperty('name');
    const textAsVoice = await failure(guild.scheduledEvents.create({ ...base, entityType: GuildScheduledEventEntityType.Voice, channel: TEXT }));
    expect((textAsVoice!.rawError as { errors: Record<string, unknown> }).errors).toHaveProperty('channel_id');

    const stage = await guild.scheduledEvents.create({ ...base, entityType: GuildScheduledEventEntityType.StageInstance, channel: STAGE });
    expect(stage.channelId).toBe(STAGE);
    const outside = await guild.scheduledEvents.create({ ...external, scheduledEndTime: new Date(Date.now() + 7_200_000) });
    expect(outside.entityMetadata?.location).toBe('Ann’s sofa');

    discord.events.withoutPermission.add(GUILD);
    try {
      const denied = await failure(guild.scheduledEvents.create({ ...external, scheduledEndTime: new Date(Date.now() + 7_200_000) }));
      expect([denied!.status, denied!.code, denied!.message]).toEqual([403, 50013, 'Missing Permissions']);
    } finally {
      discord.events.withoutPermission.delete(GUILD);
    }
  });

  it('posts a channel message, edits it in place and counts the edits', async () => {
    const channel = (await bot.channels.fetch(TEXT)) as TextChannel;
    const message = await channel.send({ content: 'Movie night: who is in?', allowedMentions: { parse: [] } });
    await channel.messages.edit(message.id, { content: 'Movie night: Ann is in' });
    await channel.messages.edit(message.id, { content: 'Movie night: Ann and Bo are in' });
    expect(discord.channelMessages.editsOf(message.id)).toBe(2);
    expect(discord.messages.get(message.id)).toMatchObject({ content: 'Movie night: Ann and Bo are in', guild_id: GUILD, allowed_mentions: { parse: [] } });
    await expect(channel.send({ content: 'x'.repeat(2001) })).rejects.toMatchObject({ status: 400, code: 50035 });
  });

  it('sends no scheduled-event dispatches to a client without the GuildScheduledEvents intent', async () => {
    expect(discord.intents & GUILD_SCHEDULED_EVENTS_INTENT).not.toBe(0);
    const other = new FakeDiscord([{ id: GUILD, name: 'Film Club', channelId: TEXT, channels: [{ id: VOICE, type: 2, name: 'Cinema' }] }]);
    await other.start();
    const plain = await loggedIn(new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: other.apiUrl } }));
    try {
      expect(other.intents & GUILD_SCHEDULED_EVENTS_INTENT).toBe(0);
      let heard = 0;
      plain.on(Events.GuildScheduledEventCreate, () => heard++);
      plain.on(Events.GuildScheduledEventUserAdd, () => heard++);
      const created = await plain.guilds.cache.get(GUILD)!.scheduledEvents.create({
        name: 'Ran (1985)',
        scheduledStartTime: start(),
        privacyLevel: GuildScheduledEventPrivacyLevel.GuildOnly,
        entityType: GuildScheduledEventEntityType.Voice,
        channel: VOICE,
      });
      other.events.setInterested(created.id, MEMBER);
      await new Promise((r) => setTimeout(r, 300));
      expect(heard).toBe(0);
    } finally {
      await plain.destroy();
      await other.stop();
    }
  });
});

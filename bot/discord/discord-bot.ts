import { Client, Events, GatewayIntentBits, Partials, type Interaction, MessageFlags } from 'discord.js';
import { joinCommunity, UserError, withDeadline, type DiscordShards } from '../../core/index.ts';
import { phrase } from '../shared/user-error-text.ts';
import { identityOf, type DiscordDeps } from './discord-context.ts';
import { dispatch } from './interaction-router.ts';
import { onEventUpdate } from './listeners/night-event-end.listener.ts';
import { onEventInterest } from './listeners/night-interest.listener.ts';
import { onReaction } from './listeners/reaction.listener.ts';
import { DiscordNights, type NightSide } from './night-actions.ts';
import { NightClock } from './night-clock.ts';
import { DISCORD_USER_ERROR_TEXT } from './user-error-text.ts';

/** How long shutdown waits for the movie nights' last message edits. */
const FLUSH_MS = 5_000;

/**
 * The Discord bot: the client and its listeners; what answers each
 * interaction is in registry.ts. The movie nights' clock starts once the
 * client is ready; `client.destroy()` stops it and finishes the nights'
 * pending message edits (so their counts end exact) before the gateway closes.
 */
export function createDiscordBot(apiUrl: string, bot: Omit<DiscordDeps, 'nights'>, shards?: DiscordShards): Client {
  const client = new Client({
    // Large bots split their gateway shards between processes (DISCORD_SHARDS); each process answers its guilds.
    ...(shards === 'auto' ? { shards: 'auto' as const } : shards ? { shards: shards.ids, shardCount: shards.count } : {}),
    // GuildScheduledEvents: who presses "Interested" on a movie night's event counts as in.
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessageReactions,
      GatewayIntentBits.DirectMessageReactions,
      GatewayIntentBits.GuildScheduledEvents,
    ],
    // GuildScheduledEvent: without it discord.js drops "Interested" on an event it has not cached (one made before a restart).
    partials: [Partials.Message, Partials.Reaction, Partials.User, Partials.Channel, Partials.GuildScheduledEvent],
    // A short rate-limit wait is fine; one that would outlive the interaction's 3 s becomes an error we can report.
    rest: { api: apiUrl, rejectOnRateLimit: (limit) => limit.retryAfter > 2_000 },
  });
  const d: DiscordDeps = { ...bot, nights: new DiscordNights(nightSide(client), bot.deps, bot.logger) };
  const clock = new NightClock(d.nights, d.logger);
  client.once(Events.ClientReady, () => clock.start());
  client.on(Events.Error, (err) => d.logger.error({ err }, 'discord client error'));
  client.on(Events.InteractionCreate, (i) => void route(i, d));
  client.on(Events.MessageReactionAdd, (reaction, user) => void onReaction(reaction, user, true, d));
  client.on(Events.MessageReactionRemove, (reaction, user) => void onReaction(reaction, user, false, d));
  client.on(Events.GuildScheduledEventUserAdd, (event, user) => void onEventInterest(event, user, true, d));
  client.on(Events.GuildScheduledEventUserRemove, (event, user) => void onEventInterest(event, user, false, d));
  client.on(Events.GuildScheduledEventUpdate, (before, after) => void onEventUpdate(before, after, d));
  const destroy = client.destroy.bind(client);
  client.destroy = async () => {
    await clock.stop();
    // An unreachable API does not hold the shutdown.
    await withDeadline(d.nights.board.flush(), FLUSH_MS, 'movie night edits').catch(() => undefined);
    await destroy();
  };
  return client;
}

/** The client as the movie nights use it: its REST client, and the guild channels it holds (cached from the gateway). */
function nightSide(client: Client): NightSide {
  return {
    rest: client.rest,
    channel: (channelId) => {
      const channel = client.channels.cache.get(channelId);
      return channel && 'guildId' in channel ? { type: channel.type, guildId: channel.guildId } : null;
    },
  };
}

/**
 * Discord drops an interaction not answered within 3 s. Every handler here
 * answers directly (no defer), so one that is not done by this deadline (the
 * database may be unreachable) is answered with the apology instead, with
 * room left for that reply to reach Discord in time.
 */
const FIRST_RESPONSE_DEADLINE_MS = 2_000;

async function route(i: Interaction, d: DiscordDeps): Promise<void> {
  try {
    await withDeadline(handle(i, d), FIRST_RESPONSE_DEADLINE_MS, `discord interaction ${i.id}`);
  } catch (err) {
    if (!(err instanceof UserError)) d.logger.error({ err, interactionId: i.id }, 'discord interaction failed');
    if (i.isRepliable() && !i.replied && !i.deferred) {
      const content = err instanceof UserError ? phrase(DISCORD_USER_ERROR_TEXT, err) : 'Something went wrong on our side; please try again.';
      await i.reply({ content, flags: MessageFlags.Ephemeral }).catch(() => undefined);
    }
  }
}

async function handle(i: Interaction, d: DiscordDeps): Promise<void> {
  // Using the bot in a server makes you one of the members its server pick is for.
  if (i.guildId && !i.isAutocomplete()) {
    // Bookkeeping only: if it fails the interaction is still answered.
    await joinCommunity(d.deps, identityOf(i), { platform: 'discord', id: i.guildId, name: i.guild?.name ?? null }).catch((err: unknown) =>
      d.logger.warn({ err, interactionId: i.id }, 'could not record server membership'),
    );
  }
  await dispatch(i, d);
}

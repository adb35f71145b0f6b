import { GuildScheduledEventStatus, type GuildScheduledEvent, type PartialGuildScheduledEvent } from 'discord.js';
import { nightOfEvent, UserError } from '../../../core/index.ts';
import type { DiscordDeps } from '../discord-context.ts';

/**
 * A movie night's server event ended (GUILD_SCHEDULED_EVENT_UPDATE to
 * COMPLETED): the night is done and "How was <film>?" is posted in its
 * channel, once (the clock and /movienight done may get there first).
 */
export async function onEventUpdate(
  before: GuildScheduledEvent | PartialGuildScheduledEvent | null,
  after: GuildScheduledEvent | PartialGuildScheduledEvent,
  d: DiscordDeps,
): Promise<void> {
  if (after.status !== GuildScheduledEventStatus.Completed || before?.status === GuildScheduledEventStatus.Completed) return;
  try {
    const night = await nightOfEvent(d.deps, after.id);
    if (!night) return;
    const message = await d.nights.askHowWasIt(night.id);
    if (message) await d.nights.board.post(night.channelId, message);
  } catch (err) {
    if (!(err instanceof UserError)) d.logger.error({ err, eventId: after.id }, 'movie night event end failed');
  }
}

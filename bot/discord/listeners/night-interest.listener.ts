import type { GuildScheduledEvent, PartialGuildScheduledEvent, PartialUser, User } from 'discord.js';
import { answerRsvp, nightOfEvent, UserError } from '../../../core/index.ts';
import type { DiscordDeps } from '../discord-context.ts';

/**
 * "Interested" pressed (or taken back) on a movie night's server event
 * (GUILD_SCHEDULED_EVENT_USER_ADD / _REMOVE): the member is in (or out), as
 * with the message's buttons. Events that are not a night's are ignored.
 */
export async function onEventInterest(
  event: GuildScheduledEvent | PartialGuildScheduledEvent,
  user: User | PartialUser,
  going: boolean,
  d: DiscordDeps,
): Promise<void> {
  if (user.bot) return;
  try {
    const night = await nightOfEvent(d.deps, event.id);
    if (!night) return;
    const identity = { platform: 'discord' as const, platformUserId: user.id, username: user.username ?? null };
    const { changed } = await answerRsvp(d.deps, { nightId: night.id, identity, going, via: 'event' });
    if (changed) d.nights.board.touch(night.id);
  } catch (err) {
    // Nobody to answer: interest in a night that is over (NIGHT_OVER) changes nothing.
    if (!(err instanceof UserError)) d.logger.error({ err, eventId: event.id, userId: user.id }, 'movie night event interest failed');
  }
}

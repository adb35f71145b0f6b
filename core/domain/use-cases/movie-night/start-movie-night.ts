import { UserError } from '../../errors.ts';
import { DEFAULT_CANDIDATES, MAX_CANDIDATES, MIN_CANDIDATES, type NightState } from '../../movie-night/movie-night.ts';
import { formatWhen, parseWhen, WHEN_EXAMPLE as EXAMPLE } from '../../movie-night/when.ts';
import type { PlatformIdentity } from '../../ports/account.store.ts';
import { joinCommunity, type CommunityRef } from '../server-pick.ts';
import { liveNight } from './find-night.ts';
import { nowOf, type NightDeps } from './night-deps.ts';
import { movieNightTimeZone } from './night-time-zone.ts';

export interface StartNightRequest {
  identity: PlatformIdentity;
  community: CommunityRef;
  /** Where the night's message is posted (Discord text channel, Telegram group). */
  channelId: string;
  /** What the host typed: "fri 21:00", "tomorrow 8pm", "in 2h", "2026-12-12 20:30". */
  when: string;
  voiceChannelId?: string | null;
  location?: string | null;
  /** How many films the model offers (3–5; default 4). */
  candidates?: number;
}

/**
 * Opens a movie night in the channel, the host in. One live night per
 * channel: when there is one, it is the answer (created false), whatever
 * was asked. A `when` no one can read is BAD_WHEN, one already past
 * PAST_WHEN (both with an example), read in the server's time zone.
 */
export async function startMovieNight(deps: NightDeps, request: StartNightRequest): Promise<{ state: NightState; created: boolean }> {
  const live = await liveNight(deps, request.community, request.channelId);
  if (live) return { state: live, created: false };
  const count = request.candidates ?? DEFAULT_CANDIDATES;
  if (!Number.isInteger(count) || count < MIN_CANDIDATES || count > MAX_CANDIDATES)
    throw new UserError('INVALID_INPUT', `A movie night offers ${MIN_CANDIDATES} to ${MAX_CANDIDATES} films.`);
  const timeZone = await movieNightTimeZone(deps, request.community);
  const now = nowOf(deps);
  const startsAt = parseWhen(request.when, now, timeZone);
  if (!startsAt) throw new UserError('BAD_WHEN', `"${request.when}" is not a time I can read; try "${EXAMPLE}".`, { example: EXAMPLE });
  if (startsAt.getTime() <= now.getTime())
    throw new UserError('PAST_WHEN', `${formatWhen(startsAt, timeZone)} has already passed; try "${EXAMPLE}".`, { example: EXAMPLE });

  await joinCommunity(deps, request.identity, request.community);
  const community = await deps.communities.ensure(request.community.platform, request.community.id, request.community.name ?? null);
  const hostUserId = await deps.accounts.resolveUser(request.identity);
  const { night, created } = await deps.nights.open({
    communityId: community.id,
    platform: request.community.platform,
    channelId: request.channelId,
    hostUserId,
    startsAt,
    timeZone,
    voiceChannelId: request.voiceChannelId ?? null,
    location: request.location ?? null,
    candidateCount: count,
  });
  if (created) await deps.nights.setRsvp(night.id, hostUserId, true, 'command');
  return { state: (await deps.nights.state(night.id))!, created };
}

import { UserError } from '../../errors.ts';
import { normalizeTimeZone } from '../../movie-night/when.ts';
import type { CommunityRef } from '../server-pick.ts';
import type { NightDeps } from './night-deps.ts';

/** The zone a server's movie nights are read and shown in: its setting, else the configured default, else UTC. */
export async function movieNightTimeZone(deps: NightDeps, community: CommunityRef): Promise<string> {
  const c = await deps.communities.ensure(community.platform, community.id, community.name ?? null);
  return (await deps.nights.timeZone(c.id)) ?? deps.defaultTimeZone ?? 'UTC';
}

/** Sets the server's zone (an IANA name such as Europe/Berlin, any case; BAD_TIME_ZONE otherwise) and returns it as stored; nights already started keep theirs. */
export async function setMovieNightTimeZone(deps: NightDeps, community: CommunityRef, timeZone: string): Promise<string> {
  const tz = normalizeTimeZone(timeZone);
  if (tz === null) throw new UserError('BAD_TIME_ZONE', `${timeZone} is not a time zone name such as Europe/Berlin.`, { example: 'Europe/Berlin' });
  const c = await deps.communities.ensure(community.platform, community.id, community.name ?? null);
  await deps.nights.setTimeZone(c.id, tz);
  return tz;
}

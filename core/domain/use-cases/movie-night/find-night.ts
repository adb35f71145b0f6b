import type { MovieNight, NightState, NightStatus } from '../../movie-night/movie-night.ts';
import { LIVE_STATUSES } from '../../movie-night/movie-night.ts';
import type { CommunityRef } from '../server-pick.ts';
import { loadNight, type NightDeps } from './night-deps.ts';

/** The channel's open or voting night, with everything on it; null when there is none. */
export async function liveNight(deps: NightDeps, community: CommunityRef, channelId: string): Promise<NightState | null> {
  const night = await latestNight(deps, community, channelId, LIVE_STATUSES);
  return night ? deps.nights.state(night.id) : null;
}

/** The night with everything on it (NIGHT_NOT_FOUND for an unknown id). */
export async function nightState(deps: NightDeps, nightId: number): Promise<NightState> {
  return loadNight(deps, nightId);
}

/** The channel's newest night in one of these statuses (e.g. the closed one `/movienight done` finishes). */
export async function latestNight(deps: NightDeps, community: CommunityRef, channelId: string, statuses: readonly NightStatus[]): Promise<MovieNight | null> {
  const c = await deps.communities.ensure(community.platform, community.id, community.name ?? null);
  return deps.nights.latestIn(c.id, channelId, statuses);
}

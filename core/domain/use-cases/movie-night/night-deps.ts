import { UserError } from '../../errors.ts';
import type { MovieNight, NightState } from '../../movie-night/movie-night.ts';
import type { PlatformIdentity } from '../../ports/account.store.ts';
import type { MovieNightStore } from '../../ports/movie-night.store.ts';
import type { CommunityDeps } from '../server-pick.ts';

/** What the movie night use cases need beyond a server's. */
export interface NightDeps extends CommunityDeps {
  nights: MovieNightStore;
  /** The clock (tests pass their own). */
  now?: () => Date;
  /** The zone for a server that never set one (the `TZ` config); UTC without it. */
  defaultTimeZone?: string;
}

export function nowOf(deps: NightDeps): Date {
  return deps.now?.() ?? new Date();
}

/** The night with everything people did on it, or NIGHT_NOT_FOUND (a stale or forged button). */
export async function loadNight(deps: NightDeps, nightId: number): Promise<NightState> {
  const state = Number.isSafeInteger(nightId) ? await deps.nights.state(nightId) : null;
  if (!state) throw new UserError('NIGHT_NOT_FOUND', `There is no movie night with id ${nightId}.`);
  return state;
}

/** The night alone (no RSVPs, candidates or votes: they grow with every click), or NIGHT_NOT_FOUND. */
export async function loadNightOnly(deps: NightDeps, nightId: number): Promise<MovieNight> {
  const night = Number.isSafeInteger(nightId) ? await deps.nights.night(nightId) : null;
  if (!night) throw new UserError('NIGHT_NOT_FOUND', `There is no movie night with id ${nightId}.`);
  return night;
}

/** NIGHT_OVER unless the night is in one of these statuses. */
export function requireStatus(night: MovieNight, allowed: readonly MovieNight['status'][]): void {
  if (!allowed.includes(night.status)) throw new UserError('NIGHT_OVER', 'That movie night is over.');
}

/**
 * The person's user id; a new member of the night's server is added to it
 * (and announced, so the server's results include them), as every
 * interaction in a server does.
 */
export async function joinNight(deps: NightDeps, night: MovieNight, identity: PlatformIdentity): Promise<number> {
  const userId = await deps.accounts.resolveUser(identity);
  if (await deps.communities.addMember(night.communityId, userId)) deps.changes?.announce({ type: 'member-joined', communityId: night.communityId, userId });
  return userId;
}

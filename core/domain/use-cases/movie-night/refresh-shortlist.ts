import { goingUserIds, type NightState } from '../../movie-night/movie-night.ts';
import { loadNight, type NightDeps } from './night-deps.ts';
import { remakeShortlist } from './night-shortlist.ts';

/**
 * The night, its shortlist made again first if it is open and the people in
 * are not the ones it was made for. Adapters call it right before rendering,
 * inside their coalesced edit: a burst of RSVPs remakes it once.
 */
export async function refreshShortlist(deps: NightDeps, nightId: number): Promise<NightState> {
  const state = await loadNight(deps, nightId);
  if (state.night.status !== 'open') return state;
  const going = goingUserIds(state);
  const same = going.length === state.night.shortlistFor.length && going.every((id, i) => id === state.night.shortlistFor[i]);
  return same ? state : remakeShortlist(deps, state);
}

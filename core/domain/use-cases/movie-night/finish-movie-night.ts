import type { Movie } from '../../model.ts';
import type { NightState } from '../../movie-night/movie-night.ts';
import { findMovie } from '../find-movie.ts';
import { loadNight, type NightDeps } from './night-deps.ts';

/** The Discord scheduled event made for the night, so its "Interested" and end find it. */
export async function eventCreated(deps: NightDeps, nightId: number, eventId: string): Promise<void> {
  await deps.nights.setEvent(nightId, eventId);
}

/**
 * After the film (the event ended, the clock, or `/movienight done`):
 * closed → done, once. The caller that moved it asks "how was it?"; null
 * when someone already did (or the night was never closed).
 */
export async function finishMovieNight(deps: NightDeps, request: { nightId: number }): Promise<{ state: NightState; movie: Movie } | null> {
  await loadNight(deps, request.nightId);
  if (!(await deps.nights.transition(request.nightId, ['closed'], 'done'))) return null;
  const state = await loadNight(deps, request.nightId);
  deps.changes?.announce({ type: 'movie-night-ended', communityId: state.night.communityId, nightId: state.night.id });
  return { state, movie: findMovie(deps.catalog, state.night.winnerMovieId!) };
}

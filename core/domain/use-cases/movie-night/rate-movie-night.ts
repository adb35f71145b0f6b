import { UserError } from '../../errors.ts';
import type { Movie } from '../../model.ts';
import { goingUserIds } from '../../movie-night/movie-night.ts';
import type { PlatformIdentity } from '../../ports/account.store.ts';
import { findMovie } from '../find-movie.ts';
import { recordFeedback } from '../record-feedback.ts';
import { loadNight, type NightDeps } from './night-deps.ts';

export interface RateNightRequest {
  nightId: number;
  identity: PlatformIdentity;
  value: 1 | -1;
  /** The click's id: a redelivery counts once. */
  eventKey: string;
}

/**
 * "How was it?": a 👍/👎 on the night's film from someone who was in is
 * their feedback (source `movienight`), with everything a 👍 sets in motion
 * (their list remade, the nightly retrain learns from it). Someone who was
 * not in is not recorded (`attended` false: the adapter says why).
 */
export async function rateMovieNight(deps: NightDeps, request: RateNightRequest): Promise<{ movie: Movie; recorded: boolean; attended: boolean }> {
  const state = await loadNight(deps, request.nightId);
  if (state.night.winnerMovieId === null) throw new UserError('NIGHT_NOT_FOUND', 'That movie night has no film to rate yet.');
  const movie = findMovie(deps.catalog, state.night.winnerMovieId);
  const userId = await deps.accounts.findUser(request.identity.platform, request.identity.platformUserId);
  if (userId === null || !goingUserIds(state).includes(userId)) return { movie, recorded: false, attended: false };
  const { recorded } = await recordFeedback(deps, {
    identity: request.identity,
    movieId: movie.id,
    value: request.value,
    source: 'movienight',
    eventKey: request.eventKey,
    communityId: state.night.communityId,
  });
  return { movie, recorded, attended: true };
}

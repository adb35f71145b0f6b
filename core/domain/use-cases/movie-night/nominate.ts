import { UserError } from '../../errors.ts';
import { goingUserIds, MAX_CANDIDATES, MAX_NOMINATIONS, type NightState } from '../../movie-night/movie-night.ts';
import { groupScoresOf } from '../../movie-night/shortlist.ts';
import type { PlatformIdentity } from '../../ports/account.store.ts';
import { findMovie } from '../find-movie.ts';
import { joinNight, loadNight, requireStatus, type NightDeps } from './night-deps.ts';
import { attendeesOf, excludedFor, isNomination, remakeShortlist } from './night-shortlist.ts';

export interface NominateRequest {
  nightId: number;
  identity: PlatformIdentity;
  movieId: number;
}

/**
 * Adds a member's film to the night's list. Not one already on it
 * (ALREADY_ON_LIST), nor one someone in has seen or the server watched
 * (SEEN_BY_SOMEONE); at most {@link MAX_NOMINATIONS} per member
 * (NOMINATION_LIMIT) and {@link MAX_CANDIDATES} on the list (SHORTLIST_FULL:
 * while open the model's picks make room). Not once the night is over, nor
 * once a Telegram poll fixed the options (POLL_SENT).
 */
export async function nominate(deps: NightDeps, request: NominateRequest): Promise<NightState> {
  const state = await loadNight(deps, request.nightId);
  const { night } = state;
  requireStatus(night, ['open', 'voting']);
  if (night.pollId !== null || (night.platform === 'telegram' && night.status === 'voting'))
    throw new UserError('POLL_SENT', 'The poll is out, so the list is fixed.');
  const movie = findMovie(deps.catalog, request.movieId);
  const title = movie.year === null ? movie.title : `${movie.title} (${movie.year})`;
  if (state.candidates.some((c) => c.movieId === movie.id)) throw new UserError('ALREADY_ON_LIST', `${title} is already on the list.`, { title });

  const userId = await joinNight(deps, night, request.identity);
  const group = await attendeesOf(deps, night.communityId, goingUserIds(state));
  if ((await excludedFor(deps, night.communityId, group.attendees)).has(movie.id))
    throw new UserError('SEEN_BY_SOMEONE', `Someone who is in has already seen ${title}.`, { title });
  const mine = state.candidates.filter((c) => isNomination(c) && c.nominatedBy === userId).length;
  if (mine >= MAX_NOMINATIONS)
    throw new UserError('NOMINATION_LIMIT', `You have nominated ${MAX_NOMINATIONS} films for this night already.`, { limit: MAX_NOMINATIONS });
  // While open the model's picks give way to nominations; once voting, the list only grows.
  const fixed = night.status === 'open' ? state.candidates.filter(isNomination).length : state.candidates.length;
  if (fixed >= MAX_CANDIDATES) throw new UserError('SHORTLIST_FULL', `The list already has ${MAX_CANDIDATES} films.`, { limit: MAX_CANDIDATES });

  const model = deps.model();
  const groupScore = model ? (groupScoresOf(model, group.attendees, [movie.id])[0] ?? 0) : 0;
  if (!(await deps.nights.addCandidate(night.id, { movieId: movie.id, nominatedBy: userId, carriedOver: false, groupScore })))
    throw new UserError('ALREADY_ON_LIST', `${title} is already on the list.`, { title });
  const after = await loadNight(deps, night.id);
  return after.night.status === 'open' ? remakeShortlist(deps, after) : after;
}

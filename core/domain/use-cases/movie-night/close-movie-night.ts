import { UserError } from '../../errors.ts';
import type { Movie } from '../../model.ts';
import { goingUserIds, voteCounts, type Candidate, type NightState } from '../../movie-night/movie-night.ts';
import { nightLosses } from '../../movie-night/shortlist.ts';
import type { PlatformIdentity } from '../../ports/account.store.ts';
import { findMovie } from '../find-movie.ts';
import { loadNight, requireStatus, type NightDeps } from './night-deps.ts';
import { attendeesOf } from './night-shortlist.ts';

export interface CloseRequest {
  nightId: number;
  /** Who closes it; none for the clock (then `mayManage` is true). */
  identity?: PlatformIdentity;
  /** Manage Events on Discord, a group admin on Telegram, or the clock. */
  mayManage: boolean;
}

export interface NightResult {
  state: NightState;
  winner: Movie;
  /** People who voted for the winner. */
  votes: number;
  /** One line: the vote and what the film was on the list for. */
  why: string;
  /** Members the list leaned towards (their taste lost recently); the adapter names them. */
  favouredFor: number[];
}

/**
 * Ends the vote: the film with the most votes wins, ties going to the one
 * the group scored higher (then the earlier on the list). Only the host or
 * someone who may manage events (NOT_HOST); with no votes it says so and
 * stays open (NO_VOTES). Each attendee's loss is recorded, so the next
 * nights lean towards whoever lost. Closing twice, or from two processes,
 * yields the one result: the status transition decides who records it.
 */
export async function closeMovieNight(deps: NightDeps, request: CloseRequest): Promise<NightResult> {
  const state = await loadNight(deps, request.nightId);
  if (state.night.status === 'closed' || state.night.status === 'done') return resultOf(deps, state);
  requireStatus(state.night, ['open', 'voting']);
  if (!request.mayManage) {
    const userId = request.identity ? await deps.accounts.findUser(request.identity.platform, request.identity.platformUserId) : null;
    if (userId !== state.night.hostUserId) throw new UserError('NOT_HOST', 'Only the host or someone who may manage events can close the vote.');
  }
  const winner = winnerOf(state);
  if (!winner) throw new UserError('NO_VOTES', 'Nobody has voted yet, so the night stays open.');
  if (!(await deps.nights.transition(state.night.id, ['open', 'voting'], 'closed', { winnerMovieId: winner.movieId }))) {
    // Someone else closed it (or cancelled it) meanwhile: theirs is the result.
    const now = await loadNight(deps, state.night.id);
    requireStatus(now.night, ['closed', 'done']);
    return resultOf(deps, now);
  }
  const closed = await loadNight(deps, state.night.id);
  deps.changes?.announce({ type: 'movie-night-ended', communityId: closed.night.communityId, nightId: closed.night.id });
  const model = deps.model();
  const going = goingUserIds(closed);
  if (model && going.length > 0) {
    const { attendees } = await attendeesOf(deps, closed.night.communityId, going);
    const candidateIds = closed.candidates.map((c) => c.movieId);
    await deps.nights.recordLosses(closed.night.id, nightLosses(model, attendees, candidateIds, winner.movieId));
  }
  return resultOf(deps, closed);
}

/** Most votes, then the higher group score, then the earlier on the list; null without a vote. */
export function winnerOf(state: NightState): Candidate | null {
  const counts = new Map(voteCounts(state).map((c) => [c.movieId, c.votes]));
  const ranked = [...state.candidates].sort(
    (a, b) => counts.get(b.movieId)! - counts.get(a.movieId)! || b.groupScore - a.groupScore || a.position - b.position,
  );
  const best = ranked[0];
  return best && counts.get(best.movieId)! > 0 ? best : null;
}

function resultOf(deps: NightDeps, state: NightState): NightResult {
  const winner = findMovie(deps.catalog, state.night.winnerMovieId!);
  const votes = state.votes.filter((v) => v.movieId === winner.id).length;
  const voters = new Set(state.votes.map((v) => v.userId)).size;
  const candidate = state.candidates.find((c) => c.movieId === winner.id);
  const top = Math.max(...state.candidates.map((c) => c.groupScore));
  const reason =
    candidate?.carriedOver === true
      ? 'a nominee carried over from the last night'
      : candidate?.nominatedBy != null
        ? 'a member’s nomination'
        : candidate?.groupScore === top
          ? 'the group’s top pick'
          : state.night.favoured.length > 0
            ? 'picked mostly for the members who lost recently'
            : 'picked for the people in';
  return { state, winner, votes, why: `${votes} of ${voters} ${voters === 1 ? 'vote' : 'votes'}; ${reason}`, favouredFor: state.night.favoured };
}

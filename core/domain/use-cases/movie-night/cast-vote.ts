import { UserError } from '../../errors.ts';
import type { NightState } from '../../movie-night/movie-night.ts';
import type { PlatformIdentity } from '../../ports/account.store.ts';
import { loadNight, requireStatus, type NightDeps } from './night-deps.ts';

export interface VoteRequest {
  nightId: number;
  identity: PlatformIdentity;
  movieId: number;
  /** The interaction's id: a redelivered click counts once. */
  eventKey: string;
}

/**
 * Approval voting: a press toggles the person's vote for that film (any
 * number of films). The first vote fixes the list (open → voting).
 * `applied` is false for a redelivered click; `mine` is the films the person
 * now votes for. Kept to one read and one write, since hundreds arrive in
 * seconds: the returned state is the read one with this person's votes (and
 * the status) brought up to date; others' concurrent votes show at the next
 * render.
 */
export async function castVote(deps: NightDeps, request: VoteRequest): Promise<{ state: NightState; applied: boolean; mine: number[] }> {
  const [state, userId] = await Promise.all([loadNight(deps, request.nightId), deps.accounts.resolveUser(request.identity)]);
  requireStatus(state.night, ['open', 'voting']);
  if (!state.candidates.some((c) => c.movieId === request.movieId))
    throw new UserError('NOT_A_CANDIDATE', 'That film is not on this night’s list.', { movieId: request.movieId });
  const { applied, mine } = await deps.nights.toggleVote(state.night.id, userId, request.movieId, request.eventKey);
  if (!applied) {
    // A redelivery, or the night closed in between (then NIGHT_OVER): either way nothing changed; rare, so read again.
    const now = await loadNight(deps, state.night.id);
    requireStatus(now.night, ['open', 'voting']);
    return { state: now, applied, mine };
  }
  const votes = [...state.votes.filter((v) => v.userId !== userId), ...mine.map((movieId) => ({ userId, movieId }))];
  const night = state.night.status === 'open' ? { ...state.night, status: 'voting' as const } : state.night;
  return { state: { ...state, night, votes }, applied, mine };
}

import { UserError } from '../../errors.ts';
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
 * now votes for. Hundreds arrive in seconds and each is answered at once,
 * so a vote that counts is one write and no read of the night (whose votes
 * grow with every click): the store's toggle checks the night is live and
 * the film on its list. Only a vote that did not count reads the night, to
 * say why (NIGHT_NOT_FOUND, NIGHT_OVER, NOT_A_CANDIDATE) or that it was a
 * redelivery.
 */
export async function castVote(deps: NightDeps, request: VoteRequest): Promise<{ applied: boolean; mine: number[] }> {
  const userId = await deps.accounts.resolveUser(request.identity);
  let toggled: { applied: boolean; mine: number[] };
  try {
    toggled = await deps.nights.toggleVote(request.nightId, userId, request.movieId, request.eventKey);
  } catch (err) {
    // A night that does not exist (a forged or stale button) fails the write: say so.
    await loadNight(deps, request.nightId);
    throw err;
  }
  if (toggled.applied) return toggled;
  const { night, candidates } = await loadNight(deps, request.nightId);
  requireStatus(night, ['open', 'voting']);
  if (!candidates.some((c) => c.movieId === request.movieId))
    throw new UserError('NOT_A_CANDIDATE', 'That film is not on this night’s list.', { movieId: request.movieId });
  return toggled;
}

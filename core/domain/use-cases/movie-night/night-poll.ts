import { UserError } from '../../errors.ts';
import type { NightState } from '../../movie-night/movie-night.ts';
import type { PlatformIdentity } from '../../ports/account.store.ts';
import { loadNight, requireStatus, type NightDeps } from './night-deps.ts';
import { refreshShortlist } from './refresh-shortlist.ts';

/** Fewer films than this make no vote. */
const MIN_TO_VOTE = 2;

/**
 * Fixes the list for a Telegram poll (whose options cannot change): open →
 * voting. Whoever moves it sends the poll; a second caller (another
 * process, the clock and a command at once) gets POLL_SENT and sends
 * nothing. SHORTLIST_EMPTY when there is less than two films to choose from.
 */
export async function startPoll(deps: NightDeps, nightId: number): Promise<NightState> {
  const state = await refreshShortlist(deps, nightId);
  requireStatus(state.night, ['open', 'voting']);
  if (state.night.status === 'voting') throw new UserError('POLL_SENT', 'The poll is already out.');
  if (state.candidates.length < MIN_TO_VOTE) throw new UserError('SHORTLIST_EMPTY', 'There is nothing to vote on yet: the list shows once two people are in.');
  if (!(await deps.nights.transition(nightId, ['open'], 'voting'))) throw new UserError('POLL_SENT', 'The poll is already out.');
  return loadNight(deps, nightId);
}

/** Where the poll went, so its answers find the night. */
export async function pollSent(deps: NightDeps, nightId: number, pollId: string, pollMessageId: string): Promise<void> {
  await deps.nights.setPoll(nightId, pollId, pollMessageId);
}

export interface PollAnswer {
  pollId: string;
  identity: PlatformIdentity;
  /** The chosen options' indexes (the candidates' positions); empty retracts. */
  optionIds: readonly number[];
}

/**
 * A Telegram poll answer replaces the person's votes (a changed answer is
 * the whole new one). Null for a poll that is no night's, or a night no
 * longer voting (a late answer changes nothing).
 */
export async function answerPoll(deps: NightDeps, answer: PollAnswer): Promise<NightState | null> {
  const night = await deps.nights.findByPoll(answer.pollId);
  if (!night || night.status !== 'voting') return null;
  const [state, userId] = await Promise.all([loadNight(deps, night.id), deps.accounts.resolveUser(answer.identity)]);
  const chosen = state.candidates.filter((c) => answer.optionIds.includes(c.position)).map((c) => c.movieId);
  await deps.nights.replaceVotes(night.id, userId, chosen);
  return loadNight(deps, night.id);
}

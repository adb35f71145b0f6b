import type { FeedbackSource, FeedbackValue, Movie } from '../model.ts';
import type { PlatformIdentity } from '../ports/account.store.ts';
import type { TasteDeps } from './deps.ts';
import { findMovie } from './find-movie.ts';

export interface FeedbackRequest {
  identity: PlatformIdentity;
  movieId: number;
  /** 👍 1, 👎 -1, 0 takes it back (a removed reaction). */
  value: FeedbackValue;
  source: FeedbackSource;
  /** The platform's id of the click or reaction, so a redelivered update counts once. */
  eventKey?: string;
  /**
   * With value 0: take back only this stance (a removed 👍 reaction must not
   * erase a 👎 given since).
   */
  retracts?: 1 | -1;
  communityId?: number | null;
}

/**
 * Stores 👍/👎 before anything is acknowledged; `recorded` is false for a
 * redelivery, or for a reaction that changes nothing (reactions carry no
 * event id, so their redelivery is recognised by the state it would set).
 * A recorded one drops the person's ready list and is announced
 * (`feedback-recorded`: the list is remade, their servers refreshed, their
 * pages dropped — core/domain/subscribers); an unrecorded one sets nothing
 * in motion.
 */
export async function recordFeedback(deps: TasteDeps, request: FeedbackRequest): Promise<{ movie: Movie; recorded: boolean }> {
  const movie = findMovie(deps.catalog, request.movieId);
  const userId = await deps.accounts.resolveUser(request.identity);
  if (request.source === 'reaction' || request.retracts !== undefined) {
    const now = (await deps.feedback.current(userId)).get(movie.id) ?? 0;
    // Taking back: only when there is a stance, and it is the one being retracted (if named).
    const unchanged = request.value === 0 ? now === 0 || (request.retracts !== undefined && now !== request.retracts) : now === request.value;
    if (unchanged) return { movie, recorded: false };
  }
  const recorded = await deps.feedback.record({
    userId,
    movieId: movie.id,
    value: request.value,
    source: request.source,
    communityId: request.communityId ?? null,
    eventKey: request.eventKey ?? null,
  });
  if (!recorded) return { movie, recorded };
  await deps.recommendations?.invalidate(userId);
  deps.changes?.announce({ type: 'feedback-recorded', userId, movieId: movie.id, value: request.value });
  return { movie, recorded };
}

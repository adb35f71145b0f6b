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
  communityId?: number | null;
}

/** Stores 👍/👎 before anything is acknowledged; `recorded` is false for a redelivery. */
export async function recordFeedback(deps: TasteDeps, request: FeedbackRequest): Promise<{ movie: Movie; recorded: boolean }> {
  const movie = findMovie(deps.catalog, request.movieId);
  const userId = await deps.accounts.resolveUser(request.identity);
  const recorded = await deps.feedback.record({
    userId,
    movieId: movie.id,
    value: request.value,
    source: request.source,
    communityId: request.communityId ?? null,
    eventKey: request.eventKey ?? null,
  });
  return { movie, recorded };
}

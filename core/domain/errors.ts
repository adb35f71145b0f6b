/**
 * Expected failures a person can act on. Adapters phrase the reply from the
 * code (and its details) in their own words, one table per platform; the
 * message is the fallback for a code a table does not know, and what logs
 * show. Anything else is logged and answered with a short generic message.
 */
export type UserErrorCode =
  /** No movie has this id (a stale or forged button); details.movieId. */
  | 'MOVIE_NOT_FOUND'
  /** A choice offered earlier names a movie the catalog no longer holds. */
  | 'CHOICE_NOT_IN_CATALOG'
  /** A title search found nothing. */
  | 'NO_TITLE_MATCH'
  /** The movie to remove is not a favourite; details.title. */
  | 'NOT_A_FAVORITE'
  | 'NO_MODEL_YET'
  | 'INVALID_INPUT';

/** What an adapter may need to phrase the reply; never more than the person gave or may see. */
export interface UserErrorDetails {
  readonly movieId?: number;
  readonly title?: string;
}

export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly details: UserErrorDetails = {},
  ) {
    super(message);
    this.name = 'UserError';
  }
}

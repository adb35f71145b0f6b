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
  /** The seen mark to take back is not there; details.title. */
  | 'NOT_SEEN'
  /** The movie to take off the watchlist is not on it; details.title. */
  | 'NOT_ON_WATCHLIST'
  | 'NO_MODEL_YET'
  | 'INVALID_INPUT'
  /** Movie night: a `when` no parser reads; details.example. */
  | 'BAD_WHEN'
  /** Movie night: a `when` already past; details.example. */
  | 'PAST_WHEN'
  /** Not an IANA time zone; details.example. */
  | 'BAD_TIME_ZONE'
  /** No movie night has this id (a stale or forged button). */
  | 'NIGHT_NOT_FOUND'
  /** The night is closed, done or cancelled: no more RSVPs, votes or nominations. */
  | 'NIGHT_OVER'
  /** The Telegram poll is out: its options, so the list, are fixed. */
  | 'POLL_SENT'
  /** details.title is already a candidate. */
  | 'ALREADY_ON_LIST'
  /** Someone who is in has seen, liked or rated details.title, or the server watched it at an earlier night. */
  | 'SEEN_BY_SOMEONE'
  /** The member has nominated as many films as one night allows; details.limit. */
  | 'NOMINATION_LIMIT'
  /** The list has as many candidates as fit; details.limit. */
  | 'SHORTLIST_FULL'
  /** A vote for a film that is not on the night's list; details.movieId. */
  | 'NOT_A_CANDIDATE'
  /** Only the host or someone who may manage events closes the night. */
  | 'NOT_HOST'
  /** Closing a night nobody has voted on: it stays open. */
  | 'NO_VOTES'
  /** Fewer than two candidates to vote on (fewer than two people in). */
  | 'SHORTLIST_EMPTY'
  /** An import with nothing in it (no bytes, or a header and no films). */
  | 'IMPORT_EMPTY'
  /** An import over a limit; details.limit (bytes, rows or archive entries) and details.unit. */
  | 'IMPORT_TOO_LARGE'
  /** Not a file this knows (another site's CSV, a picture, a ZIP that is not Letterboxd's export); details.file. */
  | 'IMPORT_UNKNOWN_FORMAT'
  /** A known format with a broken row or value; details.file and details.line. */
  | 'IMPORT_MALFORMED'
  /** A ZIP refused as hostile or unreadable: nested archive, bomb, encrypted, corrupt; details.reason. */
  | 'IMPORT_BAD_ARCHIVE'
  /** A link code nobody made (or one replaced by a newer code). */
  | 'LINK_CODE_WRONG'
  /** A link code older than its ten minutes. */
  | 'LINK_CODE_EXPIRED'
  /** A link code that has already linked two accounts. */
  | 'LINK_CODE_USED'
  /** The code was made on this very account: it is typed on the other one. */
  | 'LINK_OWN_CODE'
  /** The code's account and this one are already one person. */
  | 'ALREADY_LINKED'
  /** Too many failed codes within the hour; details.limit and details.retryAt (when a try is allowed again). */
  | 'LINK_TOO_MANY_TRIES'
  /** Unlinking an account that is linked to no other. */
  | 'NOT_LINKED';

/** What an adapter may need to phrase the reply; never more than the person gave or may see. */
export interface UserErrorDetails {
  readonly movieId?: number;
  readonly title?: string;
  /** Input that would have worked, e.g. "fri 21:00" or "Europe/Berlin". */
  readonly example?: string;
  /** The limit that was reached: nominations per member, candidates per night, or an import's size (in `unit`s). */
  readonly limit?: number;
  readonly unit?: 'bytes' | 'rows' | 'entries';
  /** The imported file (or archive entry) the problem is in. */
  readonly file?: string;
  /** 1-based line of that file. */
  readonly line?: number;
  /** Why an archive was refused. */
  readonly reason?: 'nested' | 'bomb' | 'encrypted' | 'corrupt';
  /** When what was refused may be tried again. */
  readonly retryAt?: Date;
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

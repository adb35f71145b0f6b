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
  | 'INVALID_INPUT'
  /** An import with nothing in it (no bytes, or a header and no films). */
  | 'IMPORT_EMPTY'
  /** An import over a limit; details.limit (bytes, rows or archive entries) and details.unit. */
  | 'IMPORT_TOO_LARGE'
  /** Not a file this knows (another site's CSV, a picture, a ZIP that is not Letterboxd's export); details.file. */
  | 'IMPORT_UNKNOWN_FORMAT'
  /** A known format with a broken row or value; details.file and details.line. */
  | 'IMPORT_MALFORMED'
  /** A ZIP refused as hostile or unreadable: nested archive, bomb, encrypted, corrupt; details.reason. */
  | 'IMPORT_BAD_ARCHIVE';

/** What an adapter may need to phrase the reply; never more than the person gave or may see. */
export interface UserErrorDetails {
  readonly movieId?: number;
  readonly title?: string;
  /** The limit an import went over (IMPORT_TOO_LARGE), in `unit`s. */
  readonly limit?: number;
  readonly unit?: 'bytes' | 'rows' | 'entries';
  /** The imported file (or archive entry) the problem is in. */
  readonly file?: string;
  /** 1-based line of that file. */
  readonly line?: number;
  /** Why an archive was refused. */
  readonly reason?: 'nested' | 'bomb' | 'encrypted' | 'corrupt';
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

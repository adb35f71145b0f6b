import type { UserError, UserErrorCode, UserErrorDetails } from '../../core/index.ts';

/**
 * A platform's words for each UserError code. An entry may return undefined
 * when the details it needs are missing; then, as for a code the table does
 * not list, the error's own message is shown.
 */
export type UserErrorText = { readonly [C in UserErrorCode]?: (details: UserErrorDetails) => string | undefined };

/** What a person is told about a UserError, in the platform's words. */
export function phrase(table: UserErrorText, err: UserError): string {
  return table[err.code]?.(err.details) ?? err.message;
}

/** The words every platform uses unless it needs its own. */
export const COMMON_USER_ERROR_TEXT = {
  MOVIE_NOT_FOUND: ({ movieId }) => (movieId === undefined ? undefined : `There is no movie with id ${movieId} in the catalog.`),
  NO_TITLE_MATCH: () => 'No movie matches that title.',
  NOT_A_FAVORITE: ({ title }) => (title === undefined ? undefined : `${title} is not one of your favourites.`),
  NO_MODEL_YET: () => 'Recommendations are still being prepared; try again in a minute.',
} satisfies UserErrorText;

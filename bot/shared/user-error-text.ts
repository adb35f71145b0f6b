import { LINK_CODE_TTL_MS, type UserError, type UserErrorCode, type UserErrorDetails } from '../../core/index.ts';

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
  NOT_SEEN: ({ title }) => (title === undefined ? undefined : `${title} is not marked as seen.`),
  NOT_ON_WATCHLIST: ({ title }) => (title === undefined ? undefined : `${title} is not on your watchlist.`),
  NO_MODEL_YET: () => 'Recommendations are still being prepared; try again in a minute.',
  BAD_WHEN: ({ example }) => (example === undefined ? undefined : `I can't read that time; try something like "${example}".`),
  PAST_WHEN: ({ example }) => (example === undefined ? undefined : `That time has already passed; try something like "${example}".`),
  BAD_TIME_ZONE: ({ example }) => (example === undefined ? undefined : `That is not a time zone name; try something like ${example}.`),
  NIGHT_NOT_FOUND: () => 'That movie night no longer exists.',
  NIGHT_OVER: () => 'That movie night is over.',
  POLL_SENT: () => 'The poll is already out, so the list is fixed.',
  ALREADY_ON_LIST: ({ title }) => (title === undefined ? undefined : `${title} is already on the list.`),
  SEEN_BY_SOMEONE: ({ title }) => (title === undefined ? undefined : `Someone who is in has already seen ${title}; pick another.`),
  NOMINATION_LIMIT: ({ limit }) => (limit === undefined ? undefined : `You can nominate ${limit} films per night, and you have.`),
  SHORTLIST_FULL: ({ limit }) => (limit === undefined ? undefined : `The list already has ${limit} films.`),
  NOT_A_CANDIDATE: () => 'That film is not on this night’s list.',
  NOT_HOST: () => 'Only the host can close the vote.',
  NO_VOTES: () => 'Nobody has voted yet, so the night stays open.',
  SHORTLIST_EMPTY: () => 'There is nothing to vote on yet: the list appears once two people are in.',
  LINK_CODE_WRONG: () => 'That is not a link code. Check it, or make a new one with /link on your other account.',
  LINK_CODE_EXPIRED: () => `That link code has expired (codes last ${LINK_CODE_TTL_MS / 60_000} minutes). Make a new one with /link on your other account.`,
  LINK_CODE_USED: () => 'That link code has already been used. Make a new one with /link on your other account.',
  LINK_OWN_CODE: () => 'That code was made on this account: type it on the account you want to link.',
  ALREADY_LINKED: () => 'These two accounts are already linked.',
  LINK_TOO_MANY_TRIES: ({ limit, retryAt }) =>
    limit === undefined || retryAt === undefined ? undefined : `Too many wrong link codes (${limit} an hour). Try again ${inMinutes(retryAt)}.`,
  NOT_LINKED: () => 'This account is not linked to another one.',
} satisfies UserErrorText;

/** "in 12 minutes": when `at` comes, from now, at least a minute. */
export function inMinutes(at: Date): string {
  const minutes = Math.max(1, Math.ceil((at.getTime() - Date.now()) / 60_000));
  return `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

import { COMMON_USER_ERROR_TEXT, type UserErrorText } from '../shared/user-error-text.ts';

/** What Discord users are told about each UserError code. */
export const DISCORD_USER_ERROR_TEXT: UserErrorText = {
  ...COMMON_USER_ERROR_TEXT,
  // Discord offers movies as autocomplete choices; one can go stale before it is sent.
  CHOICE_NOT_IN_CATALOG: () => 'That movie is not in the catalog; pick one from the list.',
  NOT_HOST: () => 'Only the host, or someone with Manage Events, can close the vote.',
  // Discord shows a timestamp in each reader's own time and language.
  LINK_TOO_MANY_TRIES: ({ limit, retryAt }) =>
    limit === undefined || retryAt === undefined
      ? undefined
      : `Too many wrong link codes (${limit} an hour). Try again <t:${Math.ceil(retryAt.getTime() / 1000)}:R>.`,
  // /movienight start's `when` option: the forms it reads, so the next try works.
  BAD_WHEN: ({ example }) => (example === undefined ? undefined : `I can't read that time. Try "${example}", "tomorrow 8pm", "in 2h" or "2026-12-12 20:30".`),
  PAST_WHEN: ({ example }) => (example === undefined ? undefined : `That time has already passed. Try a later one, like "${example}".`),
  NO_VOTES: () => 'Nobody has voted yet, so the vote stays open: press a film on the movie night message to vote.',
  SHORTLIST_EMPTY: () => 'There is nothing to vote on yet: the list appears once two people are in.',
  NIGHT_NOT_FOUND: () => 'That movie night no longer exists; /movienight start plans a new one.',
};

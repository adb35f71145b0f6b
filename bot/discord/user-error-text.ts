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
};

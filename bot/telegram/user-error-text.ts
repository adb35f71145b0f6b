import { COMMON_USER_ERROR_TEXT, type UserErrorText } from '../shared/user-error-text.ts';

/** What Telegram users are told about each UserError code. */
export const TELEGRAM_USER_ERROR_TEXT: UserErrorText = {
  ...COMMON_USER_ERROR_TEXT,
  NOT_HOST: () => 'Only the host, or a group admin, can close the vote.',
  NO_VOTES: () => 'Nobody has voted yet, so the night stays open. Vote in the poll first (/movienight vote sends it if it is not out yet).',
};

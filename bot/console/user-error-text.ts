import { COMMON_USER_ERROR_TEXT, type UserErrorText } from '../shared/user-error-text.ts';

/** What the terminal chat says about each UserError code. */
export const CONSOLE_USER_ERROR_TEXT: UserErrorText = COMMON_USER_ERROR_TEXT;

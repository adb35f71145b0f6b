import { COMMON_USER_ERROR_TEXT, type UserErrorText } from '../shared/user-error-text.ts';

const MB = 1024 * 1024;
const NOTHING = 'Nothing was imported.';
const REFUSED = {
  nested: 'it holds another archive (only the export’s own files are read)',
  bomb: 'it unpacks to far more than it weighs (a ZIP bomb?)',
  encrypted: 'it is password-protected',
  corrupt: 'it is damaged or not a ZIP',
} as const;

/** What the terminal chat says about each UserError code. */
export const CONSOLE_USER_ERROR_TEXT: UserErrorText = {
  ...COMMON_USER_ERROR_TEXT,
  IMPORT_EMPTY: ({ file }) => (file === undefined ? undefined : `${file} has no films in it. ${NOTHING}`),
  IMPORT_TOO_LARGE: ({ limit, unit }) =>
    limit === undefined || unit === undefined
      ? undefined
      : `That is too much to import at once: the limit is ${unit === 'bytes' ? `${limit / MB} MB` : `${limit.toLocaleString('en-US')} ${unit}`}. ${NOTHING}`,
  IMPORT_UNKNOWN_FORMAT: ({ file }) =>
    file === undefined
      ? undefined
      : `${file} is not an export this can read: give Letterboxd's export (the ZIP, or its ratings.csv, watched.csv, watchlist.csv or likes/films.csv), IMDb's ratings CSV or Trakt's JSON. ${NOTHING}`,
  IMPORT_BAD_ARCHIVE: ({ file, reason }) => (file === undefined || reason === undefined ? undefined : `${file} was refused: ${REFUSED[reason]}. ${NOTHING}`),
};

import { describe, expect, it } from 'vitest';
import { UserError, type UserErrorCode, type UserErrorDetails } from '../../core/index.ts';
import { CONSOLE_USER_ERROR_TEXT } from '../console/user-error-text.ts';
import { DISCORD_USER_ERROR_TEXT } from '../discord/user-error-text.ts';
import { TELEGRAM_USER_ERROR_TEXT } from '../telegram/user-error-text.ts';
import { phrase } from './user-error-text.ts';

const TABLES = { discord: DISCORD_USER_ERROR_TEXT, telegram: TELEGRAM_USER_ERROR_TEXT, console: CONSOLE_USER_ERROR_TEXT };

describe('user error text', () => {
  it.each(Object.entries(TABLES))('%s phrases the reply from the code and its details, not from the message', (_, table) => {
    expect(phrase(table, new UserError('MOVIE_NOT_FOUND', 'internal wording', { movieId: 777 }))).toBe('There is no movie with id 777 in the catalog.');
    expect(phrase(table, new UserError('NOT_A_FAVORITE', 'internal wording', { title: 'Heat' }))).toBe('Heat is not one of your favourites.');
    expect(phrase(table, new UserError('NO_MODEL_YET', 'internal wording'))).toBe('Recommendations are still being prepared; try again in a minute.');
    expect(phrase(table, new UserError('NO_TITLE_MATCH', 'internal wording'))).toBe('No movie matches that title.');
  });

  it("says 'pick one from the list' on Discord, the one platform that offers choices", () => {
    expect(phrase(DISCORD_USER_ERROR_TEXT, new UserError('CHOICE_NOT_IN_CATALOG', 'internal wording'))).toBe(
      'That movie is not in the catalog; pick one from the list.',
    );
  });

  it("falls back to the error's message for a code a table does not know, or details an entry needs but lacks", () => {
    expect(phrase(DISCORD_USER_ERROR_TEXT, new UserError('INVALID_INPUT', 'That is not a number.'))).toBe('That is not a number.');
    expect(phrase(TELEGRAM_USER_ERROR_TEXT, new UserError('MOVIE_NOT_FOUND', 'No such movie.'))).toBe('No such movie.');
  });

  it.each(Object.entries(TABLES))('%s words every movie night error, with its details', (_, table) => {
    const codes: [UserErrorCode, UserErrorDetails][] = [
      ['BAD_WHEN', { example: 'fri 21:00' }],
      ['PAST_WHEN', { example: 'fri 21:00' }],
      ['BAD_TIME_ZONE', { example: 'Europe/Berlin' }],
      ['NIGHT_NOT_FOUND', {}],
      ['NIGHT_OVER', {}],
      ['POLL_SENT', {}],
      ['ALREADY_ON_LIST', { title: 'Heat (1995)' }],
      ['SEEN_BY_SOMEONE', { title: 'Heat (1995)' }],
      ['NOMINATION_LIMIT', { limit: 2 }],
      ['SHORTLIST_FULL', { limit: 5 }],
      ['NOT_A_CANDIDATE', {}],
      ['NOT_HOST', {}],
      ['NO_VOTES', {}],
      ['SHORTLIST_EMPTY', {}],
    ];
    for (const [code, details] of codes) expect(phrase(table, new UserError(code, 'internal wording', details))).not.toBe('internal wording');
    expect(phrase(table, new UserError('BAD_WHEN', '', { example: 'fri 21:00' }))).toContain('"fri 21:00"');
    expect(phrase(table, new UserError('SEEN_BY_SOMEONE', '', { title: 'Heat (1995)' }))).toContain('Heat (1995)');
  });

  it('says who else may close a vote in each platform’s terms', () => {
    expect(phrase(DISCORD_USER_ERROR_TEXT, new UserError('NOT_HOST', ''))).toContain('Manage Events');
    expect(phrase(TELEGRAM_USER_ERROR_TEXT, new UserError('NOT_HOST', ''))).toContain('group admin');
  });
});

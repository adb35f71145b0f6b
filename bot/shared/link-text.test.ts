import { describe, expect, it } from 'vitest';
import { UserError, type UserErrorCode } from '../../core/index.ts';
import { CONSOLE_USER_ERROR_TEXT } from '../console/user-error-text.ts';
import { DISCORD_USER_ERROR_TEXT } from '../discord/user-error-text.ts';
import { TELEGRAM_USER_ERROR_TEXT } from '../telegram/user-error-text.ts';
import { linkCodeText, linkedText, unlinkedText } from './link-text.ts';
import { phrase } from './user-error-text.ts';

const TABLES = { discord: DISCORD_USER_ERROR_TEXT, telegram: TELEGRAM_USER_ERROR_TEXT, console: CONSOLE_USER_ERROR_TEXT };
const MINUTE = 60_000;

describe('link wording', () => {
  it('tells how to type the code on each platform, and how long it lasts', () => {
    const text = linkCodeText('K7QM3XPA');
    expect(text).toContain('Your link code: K7QM3XPA');
    expect(text).toContain('within 10 minutes');
    expect(text).toContain('/link code:K7QM3XPA');
    expect(text).toContain('link K7QM3XPA');
  });

  it('names the other account after a link and an unlink', () => {
    expect(linkedText('telegram')).toMatch(/^Linked with your Telegram account: /);
    expect(unlinkedText(['discord', 'console'])).toContain('your Discord account and your terminal account keeps its own');
    expect(unlinkedText([])).toContain('your other account keeps its own');
  });

  it.each(Object.entries(TABLES))('%s words every link error in its own words, not the internal message', (_, table) => {
    const codes: UserErrorCode[] = ['LINK_CODE_WRONG', 'LINK_CODE_EXPIRED', 'LINK_CODE_USED', 'LINK_OWN_CODE', 'ALREADY_LINKED', 'NOT_LINKED'];
    for (const code of codes) expect(phrase(table, new UserError(code, 'internal wording')), code).not.toBe('internal wording');
    expect(phrase(table, new UserError('LINK_CODE_EXPIRED', 'x'))).toContain('10 minutes');
  });

  it('says when a person locked out by wrong codes may try again', () => {
    const retryAt = new Date(Date.now() + 42 * MINUTE - 1000);
    const locked = new UserError('LINK_TOO_MANY_TRIES', 'internal wording', { limit: 5, retryAt });
    expect(phrase(CONSOLE_USER_ERROR_TEXT, locked)).toBe('Too many wrong link codes (5 an hour). Try again in 42 minutes.');
    expect(phrase(TELEGRAM_USER_ERROR_TEXT, locked)).toBe('Too many wrong link codes (5 an hour). Try again in 42 minutes.');
    // Discord renders the timestamp in each reader's own zone and language.
    expect(phrase(DISCORD_USER_ERROR_TEXT, locked)).toBe(`Too many wrong link codes (5 an hour). Try again <t:${Math.ceil(retryAt.getTime() / 1000)}:R>.`);
    expect(phrase(CONSOLE_USER_ERROR_TEXT, new UserError('LINK_TOO_MANY_TRIES', 'x', { limit: 5, retryAt: new Date(Date.now() + 10) }))).toContain(
      'in 1 minute.',
    );
  });
});

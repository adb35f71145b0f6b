import { LINK_CODE_TTL_MS, type Platform } from '../../core/index.ts';

/**
 * What every platform says when accounts are linked or unlinked, so the
 * three read the same; each passes how its own commands are typed.
 */

const PLATFORM_NAMES: Record<Platform, string> = { discord: 'Discord', telegram: 'Telegram', console: 'terminal' };

const accountOn = (platform: Platform) => `your ${PLATFORM_NAMES[platform]} account`;

/** The reply to a code request. */
export function linkCodeText(code: string): string {
  const minutes = Math.round(LINK_CODE_TTL_MS / 60_000);
  return [
    `Your link code: ${code}`,
    `On the account to link, within ${minutes} minutes, type:`,
    `  Discord: /link code:${code}   Telegram: /link ${code}   terminal: link ${code}`,
    'It works once. Your favourites and ratings become one profile.',
  ].join('\n');
}

/** The reply once linked: `linkedWith` is where the code was made. */
export function linkedText(linkedWith: Platform): string {
  return `Linked with ${accountOn(linkedWith)}: your favourites and ratings are one profile now, with one share page. /unlink undoes it.`;
}

/** The reply once unlinked: `others` are the platforms of the identities left behind. */
export function unlinkedText(others: readonly Platform[]): string {
  const left = [...new Set(others)].map(accountOn).join(' and ') || 'your other account';
  return `Unlinked: this account is on its own again, with a copy of your favourites and ratings; ${left} keeps its own.`;
}

/**
 * Link codes: how a person shows that two identities (say their Discord and
 * their Telegram account) are theirs. One identity asks for a code, the
 * other types it within LINK_CODE_TTL_MS; each code works once.
 */

/** Letters and digits nobody misreads: no 0/O, 1/I/L. */
export const LINK_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const LINK_CODE_LENGTH = 8;
export const LINK_CODE_TTL_MS = 10 * 60 * 1000;
/** Failed redemptions a person may make within the window before even a right code is refused. */
export const MAX_FAILED_LINKS = 5;
export const FAILED_LINK_WINDOW_MS = 60 * 60 * 1000;

const CODE = new RegExp(`^[${LINK_CODE_ALPHABET}]{${LINK_CODE_LENGTH}}$`);

/** The code as typed, tidied (case, spaces and dashes do not matter); null when it cannot be a code. */
export function normalizeLinkCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]+/g, '');
  return CODE.test(code) ? code : null;
}

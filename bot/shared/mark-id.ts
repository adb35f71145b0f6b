/**
 * The id a "👁 Seen it" or "🕐 Later" button carries, the same on every
 * platform: "sn:<movieId>" or "lt:<movieId>". Short (Telegram allows 64
 * bytes of callback data, Discord 100 characters of custom_id) and holding
 * nothing but an id; neither prefix starts another button's id.
 */
export type Mark = 'seen' | 'later';

export const MARK_PREFIX: Record<Mark, string> = { seen: 'sn:', later: 'lt:' };

const MARK_ID = /^(sn|lt):(\d{1,9})$/;

export const markId = (mark: Mark, movieId: number): string => `${MARK_PREFIX[mark]}${movieId}`;

/** The mark and movie a button id stands for, or null for anything else (stale, forged). */
export function parseMarkId(id: string): { mark: Mark; movieId: number } | null {
  const match = MARK_ID.exec(id);
  return match ? { mark: match[1] === 'sn' ? 'seen' : 'later', movieId: Number(match[2]) } : null;
}

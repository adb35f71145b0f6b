/**
 * The id a 👍/👎 button carries, the same on every platform: "r:u:<movieId>"
 * or "r:d:<movieId>". Short (Telegram allows 64 bytes of callback data,
 * Discord 100 characters of custom_id) and holding nothing but an id.
 */
export const RATING_ID = /^r:([ud]):(\d{1,9})$/;

export function ratingId(value: 1 | -1, movieId: number): string {
  return `r:${value === 1 ? 'u' : 'd'}:${movieId}`;
}

/** The rating a button id stands for, or null for anything else (stale, forged). */
export function parseRatingId(id: string): { value: 1 | -1; movieId: number } | null {
  const match = RATING_ID.exec(id);
  return match ? { value: match[1] === 'u' ? 1 : -1, movieId: Number(match[2]) } : null;
}

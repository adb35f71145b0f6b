import { describe, expect, it } from 'vitest';
import { parseRatingId, ratingId } from './rating-id.ts';

describe('rating ids', () => {
  it('round-trip a 👍 and a 👎 and fit both platforms (Telegram 64 bytes, Discord 100 characters)', () => {
    for (const value of [1, -1] as const) {
      const id = ratingId(value, 999_999_999);
      expect(parseRatingId(id)).toEqual({ value, movieId: 999_999_999 });
      expect(Buffer.byteLength(id)).toBeLessThanOrEqual(64);
    }
    expect(ratingId(1, 42)).toBe('r:u:42');
    expect(ratingId(-1, 42)).toBe('r:d:42');
  });

  it('reject anything else: other buttons, forged or oversized ids', () => {
    for (const id of ['more:1', 'x:forget', 'r:x:1', 'r:u:', 'r:u:1234567890', 'r:u:12a', ' r:u:1', 'r:u:1\n']) expect(parseRatingId(id)).toBeNull();
  });
});

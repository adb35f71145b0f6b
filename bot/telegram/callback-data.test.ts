/**
 * Every feature's callback-data scheme together: Telegram's 64-byte limit,
 * and no data that two features would both claim.
 */
import { describe, expect, it } from 'vitest';
import type { CallbackScheme } from './callback-data.ts';
import { pickFavorite } from './handlers/fav.handler.ts';
import { rateMovie } from './handlers/feedback.handler.ts';
import { confirmForget } from './handlers/forget.handler.ts';

/** Each scheme with the data it writes at its longest; a new scheme adds its line here. */
const SCHEMES: [CallbackScheme<unknown>, unknown[]][] = [
  [pickFavorite, [{ movieId: 999_999_999 }, { movieId: 1 }]],
  [
    rateMovie,
    [
      { value: 1, movieId: 999_999_999 },
      { value: -1, movieId: 1 },
    ],
  ],
  [confirmForget, [{}]],
];

describe('telegram callback data', () => {
  it('stays within 64 bytes, reads back what it wrote, and is read by no other feature', () => {
    for (const [scheme, samples] of SCHEMES) {
      for (const args of samples) {
        const data = scheme.data(args);
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
        expect(scheme.pattern.test(data)).toBe(true);
        expect(scheme.parse(data)).toEqual(args);
        for (const [other] of SCHEMES) if (other !== scheme) expect(other.parse(data), data).toBeNull();
      }
    }
  });
});

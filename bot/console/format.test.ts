import { describe, expect, it } from 'vitest';
import { smallCatalog } from '../testing/bot-deps.ts';
import { movieLine } from './format.ts';

describe('movieLine', () => {
  it('numbers the movie, with its genres and why it was picked', () => {
    expect(movieLine(2, smallCatalog.get(42)!)).toBe('  2. Horror 42 (2000) — Horror');
    expect(movieLine(1, smallCatalog.get(43)!, smallCatalog.get(41))).toBe('  1. Horror 43 (2000) — Horror · because you liked Horror 41 (2000)');
    expect(movieLine(3, { ...smallCatalog.get(42)!, genres: [] })).toBe('  3. Horror 42 (2000)');
  });
});

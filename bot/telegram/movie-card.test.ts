import { describe, expect, it } from 'vitest';
import { smallCatalog } from '../testing/bot-deps.ts';
import { CardRegistry, cardKeyboard, cardText } from './movie-card.ts';
import { callbackData } from './testing/telegram-harness.ts';

describe('movie card', () => {
  it('names the movie and its genres, leaving out "(no genres listed)"', () => {
    expect(cardText(smallCatalog.get(42)!)).toBe('🎬 Horror 42 (2000)\nHorror\nRate it with the buttons or react 👍 / 👎');
    const bare = { ...smallCatalog.get(42)!, genres: ['(no genres listed)'] };
    expect(cardText(bare)).toBe('🎬 Horror 42 (2000)\nRate it with the buttons or react 👍 / 👎');
  });

  it('carries a 👍 and a 👎 button with the movie id', () => {
    expect(callbackData(cardKeyboard(smallCatalog.get(7)!).reply_markup)).toEqual(['r:u:7', 'r:d:7', 'sn:7', 'lt:7']);
  });

  it('the registry tells which movie a message in a chat is', () => {
    const cards = new CardRegistry();
    cards.remember(-1, 5, 42);
    expect(cards.movieOf(-1, 5)).toBe(42);
    expect(cards.movieOf(-2, 5)).toBeUndefined();
    expect(cards.movieOf(-1, 6)).toBeUndefined();
  });
});

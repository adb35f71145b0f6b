import { describe, expect, it } from 'vitest';
import { addFavorite, addToWatchlist } from '../../../core/index.ts';
import { consoleChat, ME } from '../testing/console-chat.ts';
import { seenCommand } from './seen.command.ts';
import { watchlistCommand } from './watchlist.command.ts';

describe('watchlist', () => {
  it('lists the films kept for later, best first for the person, numbered for seen N', async () => {
    const { ctx, deps } = await consoleChat();
    for (const id of [1, 2, 3]) await addFavorite(deps, ME, id);
    for (const id of [41, 22, 8]) await addToWatchlist(deps, ME, id);
    const lines = await watchlistCommand.run(ctx, '');
    expect(lines[0]).toBe('Your watchlist, best first for you:');
    expect(lines[1]).toBe('  1. Sci-Fi 8 (2000) — Sci-Fi');
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toBe('seen N once you have watched one; unlater N to drop it.');
    expect(await seenCommand.run(ctx, '1')).toEqual(["👁 Sci-Fi 8 (2000) — seen; it won't be recommended again."]);
    // Seen: no longer "later".
    expect(
      (await watchlistCommand.run(ctx, ''))
        .slice(1, 3)
        .map((l) => /\d\. (.+?) —/.exec(l)![1])
        .sort(),
    ).toEqual(['Horror 41 (2000)', 'Romance 22 (2000)']);
  });

  it('says how to fill an empty one, and shows twenty of a long one', async () => {
    const { ctx, deps } = await consoleChat();
    expect(await watchlistCommand.run(ctx, '')).toEqual(['Your watchlist is empty: `later N` puts the N-th movie of a list on it.']);
    const ids = [...Array.from({ length: 12 }, (_, i) => 1 + i), ...Array.from({ length: 12 }, (_, i) => 21 + i), 99];
    for (const id of ids) await addToWatchlist(deps, ME, id);
    const lines = await watchlistCommand.run(ctx, '');
    expect(lines).toContain('  … and 5 more.');
    expect(ctx.state.shown).toHaveLength(20);
  });
});

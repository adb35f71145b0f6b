import { describe, expect, it } from 'vitest';
import { addFavorite } from '../../../core/index.ts';
import { consoleChat, ME } from '../testing/console-chat.ts';
import { recommendCommand } from './recommend.command.ts';

const ids = (lines: string[]) => lines.flatMap((l) => /^ {2}\d\. \D+ (\d+) \(/.exec(l)?.[1] ?? []).map(Number);

describe('rec', () => {
  it('lists five for the taste given, then five more never repeating, until the catalog runs out', async () => {
    const { ctx, deps } = await consoleChat();
    for (const id of [1, 2, 3]) await addFavorite(deps, ME, id);
    const first = await recommendCommand.run(ctx, '');
    expect(first[0]).toBe('You might like:');
    expect(first.at(-1)).toBe('Rate with +N (👍) or -N (👎), e.g. +2; seen N if you have seen it, later N to keep it for later; `rec` for more.');
    expect(first.slice(1, 6).filter((l) => l.includes('Sci-Fi')).length).toBeGreaterThanOrEqual(4);
    expect(ctx.state.shown).toHaveLength(5);

    const second = await recommendCommand.run(ctx, '');
    expect(ids(second).filter((id) => ids(first).includes(id))).toEqual([]);
    let last = second;
    for (let n = 0; n < 10 && last.length > 1; n++) last = await recommendCommand.run(ctx, '');
    expect(last).toEqual(['Nothing left to recommend: you have seen the whole catalog.']);
  });
});

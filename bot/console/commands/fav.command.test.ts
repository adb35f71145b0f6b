import { describe, expect, it } from 'vitest';
import { consoleChat } from '../testing/console-chat.ts';
import { favCommand } from './fav.command.ts';

describe('fav', () => {
  it('lists numbered matches and keeps them for the pick', async () => {
    const { ctx } = await consoleChat();
    const out = await favCommand.run(ctx, 'horror 4');
    expect(out[0]).toBe('Which one? Type its number:');
    expect(out.slice(1).every((l) => /^ {2}\d\. Horror 4\d \(2000\) — Horror$/.test(l))).toBe(true);
    expect(out.length).toBeLessThanOrEqual(6);
    expect(ctx.state.choices.map((m) => m.id)).toEqual(out.slice(1).map((l) => Number(/Horror (\d+)/.exec(l)![1])));
  });

  it('asks for a title, and says when nothing matches (echoing at most 100 characters)', async () => {
    const { ctx } = await consoleChat();
    expect(await favCommand.run(ctx, '  ')).toEqual(['Which movie? For example: fav the matrix']);
    const [none] = await favCommand.run(ctx, 'q'.repeat(300));
    expect(none).toBe(`No movie matches “${'q'.repeat(100)}”. Try fewer words or another spelling.`);
    expect(ctx.state.choices).toEqual([]);
  });
});

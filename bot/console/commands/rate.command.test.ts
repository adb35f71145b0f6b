import { describe, expect, it } from 'vitest';
import { tasteOf } from '../../testing/bot-deps.ts';
import { consoleChat } from '../testing/console-chat.ts';
import { rateCommand } from './rate.command.ts';

describe('+N / -N', () => {
  it('records 👍 or 👎 on the N-th movie of the last list', async () => {
    const { ctx, deps } = await consoleChat();
    ctx.state.shown = [deps.catalog.get(41)!, deps.catalog.get(42)!];
    expect(await rateCommand.run(ctx, '+2')).toEqual(['👍 Horror 42 (2000) — noted; the next list takes it into account.']);
    expect(await rateCommand.run(ctx, '-1')).toEqual(['👎 Horror 41 (2000) — noted; the next list takes it into account.']);
    const feedback = (await tasteOf(deps, 'console', 'local')).feedback;
    expect(feedback.map(({ movieId, value, source }) => ({ movieId, value, source }))).toEqual([
      { movieId: 42, value: 1, source: 'command' },
      { movieId: 41, value: -1, source: 'command' },
    ]);
  });

  it('asks for a list first, or a number within it, recording nothing', async () => {
    const { ctx, deps } = await consoleChat();
    expect(await rateCommand.run(ctx, '+1')).toEqual(['Ask for recommendations first: rec']);
    ctx.state.shown = [deps.catalog.get(41)!];
    expect(await rateCommand.run(ctx, '+3')).toEqual(['Give a number from 1 to 1.']);
    expect((await tasteOf(deps, 'console', 'local')).feedback).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { tasteOf } from '../../testing/bot-deps.ts';
import { consoleChat } from '../testing/console-chat.ts';
import { favCommand } from './fav.command.ts';
import { pickCommand } from './pick.command.ts';

describe('picking a number', () => {
  it('saves the chosen match as a favourite, and the choices are used up', async () => {
    const { ctx, deps } = await consoleChat();
    await favCommand.run(ctx, 'blockbuster');
    expect(await pickCommand.run(ctx, '1')).toEqual(['Saved Blockbuster (2010) as a favourite.']);
    expect((await tasteOf(deps, 'console', 'local')).favorites).toEqual([99]);
    expect(await pickCommand.run(ctx, '1')).toEqual(['Search first: fav <title>']);
    await favCommand.run(ctx, 'blockbuster');
    expect(await pickCommand.run(ctx, '1')).toEqual(['Blockbuster (2010) already is a favourite.']);
  });

  it('a number outside the list saves nothing', async () => {
    const { ctx, deps } = await consoleChat();
    await favCommand.run(ctx, 'blockbuster');
    expect(await pickCommand.run(ctx, '7')).toEqual(['Pick a number from 1 to 1.']);
    expect((await tasteOf(deps, 'console', 'local')).favorites).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { addFavorite } from '../../../core/index.ts';
import { tasteOf } from '../../testing/bot-deps.ts';
import { consoleChat, ME } from '../testing/console-chat.ts';
import { unfavCommand } from './unfav.command.ts';

describe('unfav', () => {
  it('removes the favourite with that number in favs', async () => {
    const { ctx, deps } = await consoleChat();
    await addFavorite(deps, ME, 22);
    await addFavorite(deps, ME, 99);
    expect(await unfavCommand.run(ctx, '2')).toEqual(['Removed Blockbuster (2010).']);
    expect((await tasteOf(deps, 'console', 'local')).favorites).toEqual([22]);
  });

  it('a bad number removes nothing', async () => {
    const { ctx, deps } = await consoleChat();
    expect(await unfavCommand.run(ctx, '1')).toEqual(['You have no favourites.']);
    await addFavorite(deps, ME, 22);
    for (const bad of ['0', '2', 'x', '']) expect(await unfavCommand.run(ctx, bad)).toEqual(['Give a number from 1 to 1 (see favs).']);
    expect((await tasteOf(deps, 'console', 'local')).favorites).toEqual([22]);
  });
});

import { describe, expect, it } from 'vitest';
import { addFavorite } from '../../../core/index.ts';
import { consoleChat, ME } from '../testing/console-chat.ts';
import { favsCommand } from './favs.command.ts';

describe('favs', () => {
  it('lists favourites in the order saved', async () => {
    const { ctx, deps } = await consoleChat();
    expect(await favsCommand.run(ctx, '')).toEqual(['No favourites yet: fav <title> adds one.']);
    await addFavorite(deps, ME, 22);
    await addFavorite(deps, ME, 99);
    expect(await favsCommand.run(ctx, '')).toEqual(['Your favourites:', '  1. Romance 22 (2000) — Romance', '  2. Blockbuster (2010) — Action']);
  });
});

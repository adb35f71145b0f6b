import { describe, expect, it } from 'vitest';
import { addFavorite } from '../../../core/index.ts';
import { consoleChat, ME } from '../testing/console-chat.ts';
import { forgetCommand } from './forget.command.ts';

describe('forget', () => {
  it('asks to confirm, and deletes nothing until `forget yes`', async () => {
    const { ctx, deps } = await consoleChat();
    await addFavorite(deps, ME, 3);
    expect(await forgetCommand.run(ctx, '')).toEqual(['This deletes your favourites, ratings and share link. Type `forget yes` to confirm.']);
    expect(await deps.accounts.findUser('console', 'local')).not.toBeNull();
  });

  it('`forget yes` deletes the person and what the conversation showed', async () => {
    const { ctx, deps } = await consoleChat();
    await addFavorite(deps, ME, 3);
    ctx.state.shown = [deps.catalog.get(4)!];
    ctx.state.seen = [4];
    expect(await forgetCommand.run(ctx, 'yes')).toEqual(['Done: everything about you is deleted.']);
    expect(await deps.accounts.findUser('console', 'local')).toBeNull();
    expect(ctx.state).toMatchObject({ shown: [], seen: [] });
    expect(await forgetCommand.run(ctx, 'yes')).toEqual(['There was nothing to delete.']);
  });
});

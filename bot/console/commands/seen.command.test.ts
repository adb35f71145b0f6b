import { describe, expect, it } from 'vitest';
import { addFavorite, recommend } from '../../../core/index.ts';
import { consoleChat, ME } from '../testing/console-chat.ts';
import { recommendCommand } from './recommend.command.ts';
import { seenCommand } from './seen.command.ts';
import { unseenCommand } from './unseen.command.ts';

describe('seen N / unseen N', () => {
  it('marks the N-th movie of the last list seen, so no later list shows it; unseen takes it back', async () => {
    const { ctx, deps } = await consoleChat();
    for (const id of [1, 2, 3]) await addFavorite(deps, ME, id);
    await recommendCommand.run(ctx, '');
    const first = ctx.state.shown[0]!;
    expect(await seenCommand.run(ctx, '1')).toEqual([`👁 ${first.title} (2000) — seen; it won't be recommended again.`]);
    expect(await seenCommand.run(ctx, '1')).toEqual([`${first.title} (2000) is already marked as seen.`]);
    const userId = (await deps.accounts.findUser('console', 'local'))!;
    expect(deps.seen.sources.get(`${userId}:${first.id}`)).toBe('command');
    // A new conversation (nothing shown yet) never gets it either.
    expect((await recommend(deps, ME, { k: 20 })).map((p) => p.movie.id)).not.toContain(first.id);

    expect(await unseenCommand.run(ctx, '1')).toEqual([`${first.title} (2000) is no longer marked as seen.`]);
    expect((await recommend(deps, ME, { k: 1 })).map((p) => p.movie.id)).toEqual([first.id]);
    await expect(unseenCommand.run(ctx, '1')).rejects.toMatchObject({ code: 'NOT_SEEN' });
  });

  it('asks for a list first, or a number within it, marking nothing', async () => {
    const { ctx, deps } = await consoleChat();
    expect(await seenCommand.run(ctx, '1')).toEqual(['Ask for recommendations first: rec (or see your watchlist: watchlist)']);
    ctx.state.shown = [deps.catalog.get(41)!, deps.catalog.get(42)!];
    for (const bad of ['3', '0', 'two', '']) expect(await seenCommand.run(ctx, bad)).toEqual(['Give a number from 1 to 2: seen 2']);
    expect(deps.seen.lists.rows.size).toBe(0);
  });
});

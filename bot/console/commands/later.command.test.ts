import { describe, expect, it } from 'vitest';
import { addFavorite, recommend } from '../../../core/index.ts';
import { consoleChat, ME } from '../testing/console-chat.ts';
import { laterCommand } from './later.command.ts';
import { recommendCommand } from './recommend.command.ts';
import { unlaterCommand } from './unlater.command.ts';

describe('later N / unlater N', () => {
  it('puts the N-th movie of the last list on the watchlist, out of the next lists; unlater takes it off', async () => {
    const { ctx, deps } = await consoleChat();
    for (const id of [1, 2, 3]) await addFavorite(deps, ME, id);
    await recommendCommand.run(ctx, '');
    const second = ctx.state.shown[1]!;
    expect(await laterCommand.run(ctx, '2')).toEqual([`🕐 ${second.title} (2000) — on your watchlist (see it with: watchlist).`]);
    expect(await laterCommand.run(ctx, '2')).toEqual([`${second.title} (2000) is already on your watchlist.`]);
    expect((await recommend(deps, ME, { k: 20 })).map((p) => p.movie.id)).not.toContain(second.id);
    expect(await unlaterCommand.run(ctx, '2')).toEqual([`${second.title} (2000) is off your watchlist.`]);
    await expect(unlaterCommand.run(ctx, '2')).rejects.toMatchObject({ code: 'NOT_ON_WATCHLIST' });
    expect(await laterCommand.run(ctx, '9')).toEqual(['Give a number from 1 to 5: later 2']);
  });
});

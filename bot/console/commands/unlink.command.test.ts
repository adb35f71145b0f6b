import { describe, expect, it } from 'vitest';
import { addFavorite, linkCode, listFavorites, redeemLink, type PlatformIdentity } from '../../../core/index.ts';
import { consoleChat, ME } from '../testing/console-chat.ts';
import { unlinkCommand } from './unlink.command.ts';

const ON_DISCORD: PlatformIdentity = { platform: 'discord', platformUserId: 'u1' };

describe('unlink', () => {
  it('splits this user off with a copy of the favourites; the other account keeps its own', async () => {
    const { ctx, deps } = await consoleChat();
    await addFavorite(deps, ON_DISCORD, 1);
    await redeemLink(deps, ME, (await linkCode(deps, ON_DISCORD)).code);
    expect(await unlinkCommand.run(ctx, '')).toEqual([
      'Unlinked: this account is on its own again, with a copy of your favourites and ratings; your Discord account keeps its own.',
    ]);
    await addFavorite(deps, ME, 21);
    expect((await listFavorites(deps, ME)).map((m) => m.id)).toEqual([1, 21]);
    expect((await listFavorites(deps, ON_DISCORD)).map((m) => m.id)).toEqual([1]);
  });

  it('says so when there is nothing to unlink', async () => {
    const { ctx } = await consoleChat();
    await expect(unlinkCommand.run(ctx, '')).rejects.toMatchObject({ code: 'NOT_LINKED' });
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { addFavorite, linkCode, listFavorites, redeemLink } from '../../../core/index.ts';
import { botDeps } from '../../testing/bot-deps.ts';
import { fakeInteraction, isEphemeral } from '../testing/fake-interaction.ts';
import { unlinkCommand } from './unlink.command.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
beforeEach(async () => {
  d = await botDeps();
});

const ME = { platform: 'discord' as const, platformUserId: 'u1' };
const ON_TELEGRAM = { platform: 'telegram' as const, platformUserId: '1001' };

describe('/unlink', () => {
  it('splits this account off, privately; each keeps a copy', async () => {
    await addFavorite(d.deps, ON_TELEGRAM, 21);
    await redeemLink(d.deps, ME, (await linkCode(d.deps, ON_TELEGRAM)).code);
    const i = fakeInteraction({ commandName: 'unlink' });
    await unlinkCommand.execute(i as never, d);
    expect(i.replies[0]!.content).toBe(
      'Unlinked: this account is on its own again, with a copy of your favourites and ratings; your Telegram account keeps its own.',
    );
    expect(isEphemeral(i.replies[0]!)).toBe(true);
    await addFavorite(d.deps, ME, 1);
    expect((await listFavorites(d.deps, ON_TELEGRAM)).map((m) => m.id)).toEqual([21]);
    expect((await listFavorites(d.deps, ME)).map((m) => m.id)).toEqual([21, 1]);
  });

  it('is NOT_LINKED for an account linked to nothing', async () => {
    await expect(unlinkCommand.execute(fakeInteraction({ commandName: 'unlink' }) as never, d)).rejects.toMatchObject({ code: 'NOT_LINKED' });
  });
});

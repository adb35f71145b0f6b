import { beforeEach, describe, expect, it } from 'vitest';
import { addFavorite } from '../../../core/index.ts';
import { botDeps, tasteOf } from '../../testing/bot-deps.ts';
import { customIds, fakeInteraction, isEphemeral } from '../testing/fake-interaction.ts';
import { FORGET_CONFIRM, forgetButton, forgetCommand } from './forget.command.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
beforeEach(async () => {
  d = await botDeps();
});

describe('/forget', () => {
  it('asks first, privately, with one confirm button', async () => {
    const i = fakeInteraction({ commandName: 'forget' });
    await forgetCommand(i as never);
    expect(isEphemeral(i.replies[0]!)).toBe(true);
    expect(i.replies[0]!.content).toContain('deletes your favourites, ratings and share link');
    expect(customIds(i.replies[0]!)).toEqual([FORGET_CONFIRM]);
  });

  it('the button deletes everything held about the person, and says when there was nothing', async () => {
    await addFavorite(d.deps, { platform: 'discord', platformUserId: 'u1' }, 3);
    await addFavorite(d.deps, { platform: 'discord', platformUserId: 'u2' }, 4);
    const click = fakeInteraction({ kind: 'button', customId: FORGET_CONFIRM });
    await forgetButton(click as never, d);
    expect(click.updates[0]).toMatchObject({ content: 'Done: everything about you is deleted.', components: [] });
    expect(await d.deps.accounts.findUser('discord', 'u1')).toBeNull();
    expect((await tasteOf(d.deps, 'discord', 'u2')).favorites).toEqual([4]);

    const again = fakeInteraction({ kind: 'button', customId: FORGET_CONFIRM });
    await forgetButton(again as never, d);
    expect(again.updates[0]!.content).toBe('There was nothing to delete.');
  });
});

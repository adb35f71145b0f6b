import { beforeEach, describe, expect, it } from 'vitest';
import { addFavorite } from '../../../core/index.ts';
import { botDeps, tasteOf } from '../../testing/bot-deps.ts';
import { fakeInteraction } from '../testing/fake-interaction.ts';
import { forgetConfirmButton } from './forget-confirm.button.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
beforeEach(async () => {
  d = await botDeps();
});

describe("/forget's confirm button", () => {
  it('owns "x:forget" and nothing else', () => {
    expect(forgetConfirmButton.parse('x:forget')).toEqual({});
    expect(forgetConfirmButton.parse('x:forget:1')).toBeNull();
  });

  it('deletes everything held about the person, and says when there was nothing', async () => {
    await addFavorite(d.deps, { platform: 'discord', platformUserId: 'u1' }, 3);
    await addFavorite(d.deps, { platform: 'discord', platformUserId: 'u2' }, 4);
    const click = fakeInteraction({ kind: 'button', customId: 'x:forget' });
    await forgetConfirmButton.run(click as never, d, {});
    expect(click.updates[0]).toMatchObject({ content: 'Done: everything about you is deleted.', components: [] });
    expect(await d.deps.accounts.findUser('discord', 'u1')).toBeNull();
    expect((await tasteOf(d.deps, 'discord', 'u2')).favorites).toEqual([4]);

    const again = fakeInteraction({ kind: 'button', customId: 'x:forget' });
    await forgetConfirmButton.run(again as never, d, {});
    expect(again.updates[0]!.content).toBe('There was nothing to delete.');
  });
});

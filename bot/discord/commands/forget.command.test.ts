import { beforeEach, describe, expect, it } from 'vitest';
import { botDeps } from '../../testing/bot-deps.ts';
import { customIds, fakeInteraction, isEphemeral } from '../testing/fake-interaction.ts';
import { forgetCommand } from './forget.command.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
beforeEach(async () => {
  d = await botDeps();
});

describe('/forget', () => {
  it('asks first, privately, with one confirm button', async () => {
    const i = fakeInteraction({ commandName: 'forget' });
    await forgetCommand.execute(i as never, d);
    expect(isEphemeral(i.replies[0]!)).toBe(true);
    expect(i.replies[0]!.content).toContain('deletes your favourites, ratings and share link');
    // The id buttons already shown carry: it must not change.
    expect(customIds(i.replies[0]!)).toEqual(['x:forget']);
  });
});

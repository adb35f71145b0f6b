import { beforeEach, describe, expect, it } from 'vitest';
import { botDeps } from '../../testing/bot-deps.ts';
import { fakeInteraction, isEphemeral } from '../testing/fake-interaction.ts';
import { shareCommand } from './share.command.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
beforeEach(async () => {
  d = await botDeps();
});

const linkIn = (text: string) => /https:\/\/movies\.example\/l\/(\S+)$/.exec(text)?.[1];

describe('/share', () => {
  it('gives the same private link each time', async () => {
    const first = fakeInteraction({ commandName: 'share' });
    await shareCommand.execute(first as never, d);
    expect(first.replies[0]!.content).toMatch(/^Your page: https:\/\/movies\.example\/l\/\S+$/);
    expect(isEphemeral(first.replies[0]!)).toBe(true);
    const second = fakeInteraction({ commandName: 'share' });
    await shareCommand.execute(second as never, d);
    expect(second.replies[0]!.content).toBe(first.replies[0]!.content);
  });

  it('revoke issues a new link and the old one stops resolving', async () => {
    const first = fakeInteraction({ commandName: 'share' });
    await shareCommand.execute(first as never, d);
    const old = linkIn(first.replies[0]!.content!)!;
    const revoke = fakeInteraction({ commandName: 'share', booleans: { revoke: true } });
    await shareCommand.execute(revoke as never, d);
    expect(revoke.replies[0]!.content).toMatch(/^Your old link no longer works\. New link: https:\/\/movies\.example\/l\/\S+$/);
    const fresh = linkIn(revoke.replies[0]!.content!)!;
    expect(fresh).not.toBe(old);
    expect(await d.share.sharedLists.findOwner(old)).toBeNull();
    expect(await d.share.sharedLists.findOwner(fresh)).toBe(await d.deps.accounts.findUser('discord', 'u1'));
  });
});

import { describe, expect, it } from 'vitest';
import { consoleChat } from '../testing/console-chat.ts';
import { shareCommand } from './share.command.ts';

describe('share', () => {
  it('gives the same link until revoked; revoking replaces it', async () => {
    const { ctx, share } = await consoleChat();
    const [first] = await shareCommand.run(ctx, '');
    expect(first).toMatch(/^Your page: https:\/\/movies\.example\/l\/\S+$/);
    expect(await shareCommand.run(ctx, '')).toEqual([first]);
    const [revoked] = await shareCommand.run(ctx, 'revoke');
    expect(revoked).toMatch(/^Your old link no longer works\. New link: https:\/\/movies\.example\/l\/\S+$/);
    expect(await share.sharedLists.findOwner(first!.split('/l/')[1]!)).toBeNull();
  });
});

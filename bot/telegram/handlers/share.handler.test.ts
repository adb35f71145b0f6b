import { beforeEach, describe, expect, it } from 'vitest';
import { botDeps } from '../../testing/bot-deps.ts';
import { telegramHarness } from '../testing/telegram-harness.ts';
import { shareHandler } from './share.handler.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
let tg: ReturnType<typeof telegramHarness>;
beforeEach(async () => {
  d = await botDeps();
  tg = telegramHarness(shareHandler(d));
});

const slugOf = (text?: string) => /https:\/\/movies\.example\/l\/(\S+)$/.exec(text ?? '')?.[1];

describe('/share', () => {
  it('replies with the same link each time; revoke replaces it and the old one stops resolving', async () => {
    await tg.message('/share');
    await tg.message('/share');
    await tg.message('/share revoke');
    const [first, second, revoked] = tg.sent('sendMessage').map((m) => m.text);
    expect(first).toMatch(/^Your page: https:\/\/movies\.example\/l\/\S+$/);
    expect(second).toBe(first);
    expect(revoked).toMatch(/^Your old link no longer works\. New link: /);
    expect(slugOf(revoked)).not.toBe(slugOf(first));
    expect(await d.share.sharedLists.findOwner(slugOf(first)!)).toBeNull();
    expect(await d.share.sharedLists.findOwner(slugOf(revoked)!)).toBe(await d.deps.accounts.findUser('telegram', '1001'));
  });
});

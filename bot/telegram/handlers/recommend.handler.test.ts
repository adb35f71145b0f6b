import { beforeEach, describe, expect, it } from 'vitest';
import { addFavorite, joinCommunity } from '../../../core/index.ts';
import { botDeps } from '../../testing/bot-deps.ts';
import { callbackData, GROUP_CHAT, telegramHarness } from '../testing/telegram-harness.ts';
import { recommendHandler } from './recommend.handler.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
let tg: ReturnType<typeof telegramHarness>;
beforeEach(async () => {
  d = await botDeps();
  tg = telegramHarness(recommendHandler(d));
  for (const id of [41, 42, 43]) await addFavorite(d.deps, { platform: 'telegram', platformUserId: '1001' }, id);
});

describe('/recommend', () => {
  it('lists five movies with 👍/👎/👁/🕐 for each, callback data within 64 bytes', async () => {
    await tg.message('/recommend');
    const [reply] = tg.sent('sendMessage');
    const lines = reply!.text!.split('\n');
    expect(lines[0]).toBe('You might like:');
    const listed = lines.filter((l) => /^\d\. /.test(l));
    expect(listed).toHaveLength(5);
    expect(listed.filter((l) => /^\d\. Horror \d+ \(2000\) — Horror$/.test(l)).length).toBeGreaterThanOrEqual(4);
    const data = callbackData(reply!.reply_markup);
    expect(data).toHaveLength(20);
    for (const x of data) {
      expect(x).toMatch(/^(r:[ud]|sn|lt):\d+$/);
      expect(Buffer.byteLength(x)).toBeLessThanOrEqual(64);
    }
  });

  it('before a model is trained, says so in the chat', async () => {
    d.deps.model = () => null;
    await tg.message('/recommend');
    expect(tg.sent('sendMessage').map((m) => m.text)).toEqual(['Recommendations are still being prepared; try again in a minute.']);
    expect(d.logger.lines).toEqual([]);
  });
});

describe('/recommend group', () => {
  it('needs a group', async () => {
    await tg.message('/recommend group');
    expect(tg.sent('sendMessage')[0]!.text).toBe('The group pick works in a group: add me to one and send /recommend group there.');
  });

  it("picks for the group's members, named by username, without rating buttons", async () => {
    const group = { platform: 'telegram' as const, id: String(GROUP_CHAT.id) };
    for (const [id, username] of [
      ['1', 'bea'],
      ['2', 'cy'],
    ] as const) {
      await joinCommunity(d.deps, { platform: 'telegram', platformUserId: id, username }, group);
      await addFavorite(d.deps, { platform: 'telegram', platformUserId: id }, 21);
    }
    await tg.message('/recommend group', { chat: GROUP_CHAT });
    const [reply] = tg.sent('sendMessage');
    expect(reply!.text).toMatch(/^🍿 Group pick — picked for \S+, \S+:\n1\. /);
    expect(reply!.text).toContain('Romance');
    expect(reply!.reply_markup).toBeUndefined();
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { addFavorite, joinCommunity } from '../../../core/index.ts';
import { botDeps, GENERIC_APOLOGY, tasteOf } from '../../testing/bot-deps.ts';
import { callbackData, GROUP_CHAT, telegramHarness } from '../testing/telegram-harness.ts';
import { recommendHandler } from './recommend.handler.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
let tg: ReturnType<typeof telegramHarness>;
beforeEach(async () => {
  d = await botDeps();
  tg = telegramHarness(recommendHandler(d));
  for (const id of [41, 42, 43]) await addFavorite(d.deps, { platform: 'telegram', platformUserId: '1001' }, id);
});

const feedback = async () => (await tasteOf(d.deps, 'telegram', '1001')).feedback.map(({ movieId, value, source }) => ({ movieId, value, source }));

describe('/recommend', () => {
  it('lists five movies with a 👍/👎 pair for each, callback data within 64 bytes', async () => {
    await tg.message('/recommend');
    const [reply] = tg.sent('sendMessage');
    const lines = reply!.text!.split('\n');
    expect(lines[0]).toBe('You might like:');
    const listed = lines.filter((l) => /^\d\. /.test(l));
    expect(listed).toHaveLength(5);
    expect(listed.filter((l) => /^\d\. Horror \d+ \(2000\) — Horror$/.test(l)).length).toBeGreaterThanOrEqual(4);
    const data = callbackData(reply!.reply_markup);
    expect(data).toHaveLength(10);
    for (const x of data) {
      expect(x).toMatch(/^r:[ud]:\d+$/);
      expect(Buffer.byteLength(x)).toBeLessThanOrEqual(64);
    }
  });

  it('before a model is trained, says so in the chat', async () => {
    d.deps.model = () => null;
    await tg.message('/recommend');
    expect(tg.sent('sendMessage').map((m) => m.text)).toEqual(['Recommendations are still being prepared; try again in a minute.']);
    expect(d.logger.lines).toEqual([]);
  });

  it('a 👍 tap is recorded and acknowledged with the title; a redelivered tap counts once', async () => {
    await tg.callback('r:u:44', { id: 'tap-1' });
    await tg.callback('r:u:44', { id: 'tap-1' });
    expect(tg.sent('answerCallbackQuery').map((a) => a.text)).toEqual(['👍 Horror 44 (2000)', 'Already noted']);
    expect(await feedback()).toEqual([{ movieId: 44, value: 1, source: 'button' }]);
  });

  it('a tap for a movie no longer in the catalog gets the UserError message; an unexpected failure the apology', async () => {
    await tg.callback('r:d:777');
    d.deps.feedback.record = async () => {
      throw new Error('password authentication failed for user "moviebot"');
    };
    await tg.callback('r:d:44');
    expect(tg.sent('answerCallbackQuery').map((a) => a.text)).toEqual(['There is no movie with id 777 in the catalog.', GENERIC_APOLOGY]);
    expect(d.logger.lines).toMatchObject([{ level: 'error' }]);
  });
});

describe('/recommend group', () => {
  it('needs a group', async () => {
    await tg.message('/recommend group');
    expect(tg.sent('sendMessage')[0]!.text).toBe('The group pick works in a group: add me to one and send /recommend group there.');
  });

  it("picks for the group's members, named by username, without rating buttons", async () => {
    const group = { platform: 'telegram' as const, id: String(GROUP_CHAT.id) };
    for (const [id, username] of [['1', 'bea'], ['2', 'cy']] as const) {
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

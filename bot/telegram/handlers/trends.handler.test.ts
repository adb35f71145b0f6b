import { beforeEach, describe, expect, it } from 'vitest';
import { addFavorite, joinCommunity } from '../../../core/index.ts';
import { botDeps } from '../../testing/bot-deps.ts';
import { GROUP_CHAT, telegramHarness } from '../testing/telegram-harness.ts';
import { trendsHandler } from './trends.handler.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
let tg: ReturnType<typeof telegramHarness>;
beforeEach(async () => {
  d = await botDeps();
  tg = telegramHarness(trendsHandler(d));
});

const group = { platform: 'telegram' as const, id: String(GROUP_CHAT.id) };

async function member(id: string, favourites: number[]) {
  await joinCommunity(d.deps, { platform: 'telegram', platformUserId: id }, group);
  for (const movieId of favourites) await addFavorite(d.deps, { platform: 'telegram', platformUserId: id }, movieId);
}

describe('/trends', () => {
  it('works only in a group', async () => {
    await tg.message('/trends');
    expect(tg.sent('sendMessage')[0]!.text).toBe('Trends are about a group: add me to one and send /trends there.');
  });

  it('says how many members are still needed', async () => {
    await member('1', [41]);
    await tg.message('/trends', { chat: GROUP_CHAT });
    expect(tg.sent('sendMessage')[0]!.text).toContain('Trends appear once 3 members have shared their taste (so far 1).');
  });

  it("shows the group's most liked movies as bullet lines and the charts link", async () => {
    await member('1', [41, 42]);
    await member('2', [41]);
    await member('3', [41, 99]);
    await tg.message('/trends', { chat: GROUP_CHAT });
    const text = tg.sent('sendMessage')[0]!.text!;
    expect(text.startsWith('Taste of this server, from 3 members\n\n')).toBe(true);
    expect(text).toContain('Most liked\n• Horror 41 (2000) — 👍 3');
    expect(text).toMatch(/Charts: https:\/\/movies\.example\/s\/\S+$/);
    expect(text.length).toBeLessThanOrEqual(4096);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { nightSetup } from '../testing/night-setup.ts';

let s: Awaited<ReturnType<typeof nightSetup>>;
beforeEach(async () => {
  s = await nightSetup();
  await s.inGroup('/movienight fri 21:00');
});

describe("I'm in / Can't make it", () => {
  it('answers the press at once and edits the message in place: who is in, then the shortlist with one line of why each', async () => {
    await s.press('mn:in:1', s.users.BOB);
    expect(s.tg.sent('answerCallbackQuery').map((a) => a.text)).toEqual(["You're in 🍿"]);
    const text = String((await s.message())!.text);
    expect(s.tg.sent('editMessageText')).toHaveLength(1);
    expect(text).toContain('✅ In (2): ann and bob');
    const list = text.split('\n').filter((l) => /^\d\. /.test(l));
    expect(list).toHaveLength(4);
    expect(text).toMatch(/^1\. .+ \(\d{4}\)\n {4}.+ · the best match for everyone in$/m);
    expect(text).toContain('Add a film: /nominate <title> · Start the vote: /movienight vote');
  });

  it("Can't make it is listed apart; changing one's mind moves the person", async () => {
    await s.press('mn:out:1', s.users.CY);
    expect(s.tg.sent('answerCallbackQuery').map((a) => a.text)).toEqual(["Noted: you can't make it"]);
    expect(String((await s.message())!.text)).toContain("❌ Can't make it: cy");
    await s.press('mn:in:1', s.users.CY);
    const text = String((await s.message())!.text);
    expect(text).toContain('✅ In (2): ann and cy');
    expect(text).not.toContain("Can't make it:");
  });

  it('a burst of presses makes one edit per interval, and the message ends exact', async () => {
    const extra = Array.from({ length: 20 }, (_, i) => ({ id: 3000 + i, is_bot: false, first_name: 'P', username: `p${i}` }));
    await Promise.all(extra.map((from) => s.press('mn:in:1', from)));
    await s.board.flush();
    expect(s.tg.sent('editMessageText').length).toBeLessThanOrEqual(3);
    expect(String((await s.message())!.text)).toContain('✅ In (21): ann, p0, p1');
  });

  it('a repeated answer edits nothing; a press on a night that is over says so', async () => {
    await s.press('mn:in:1');
    await s.board.flush();
    expect(s.tg.sent('editMessageText')).toEqual([]);
    s.d.deps.nights.nights.get(1)!.night.status = 'done';
    await s.press('mn:in:1', s.users.BOB);
    expect(s.tg.sent('answerCallbackQuery').at(-1)!.text).toBe('That movie night is over.');
    await s.press('mn:in:999', s.users.BOB);
    expect(s.tg.sent('answerCallbackQuery').at(-1)!.text).toBe('That movie night no longer exists.');
    expect(s.d.logger.lines).toEqual([]);
  });
});

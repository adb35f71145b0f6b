import { beforeEach, describe, expect, it } from 'vitest';
import { nightSetup } from '../testing/night-setup.ts';
import { callbackData } from '../testing/telegram-harness.ts';
import { NO_LIVE_NIGHT } from './movienight.handler.ts';

let s: Awaited<ReturnType<typeof nightSetup>>;
beforeEach(async () => {
  s = await nightSetup();
});

const candidates = async () => (await s.d.deps.nights.state(1))!.candidates;

describe('/nominate', () => {
  it('needs a live night and a title', async () => {
    await s.inGroup('/nominate romance 25');
    await s.inGroup('/movienight fri 21:00');
    await s.inGroup('/nominate');
    await s.inGroup('/nominate qqqzzz');
    expect(s.lastTexts(4)).toEqual([
      NO_LIVE_NIGHT,
      expect.stringMatching(/^🎬 Movie night/),
      'Send /nominate and a title, for example: /nominate heat 1995',
      'No movie matches that title. Try fewer words or another spelling.',
    ]);
  });

  it('a title naming one film adds it, marked as a nomination on the message', async () => {
    await s.twoIn();
    await s.inGroup('/nominate Romance 25 (2000)', s.users.CY);
    expect(s.lastTexts()[0]).toBe('📌 cy nominated Romance 25 (2000).');
    expect(await candidates()).toContainEqual(expect.objectContaining({ movieId: 25, carriedOver: false }));
    expect(String((await s.message())!.text)).toMatch(/\d\. Romance 25 \(2000\)\n {4}nominated by cy/);
  });

  it('a title naming several films offers them as buttons; a press nominates that one', async () => {
    await s.twoIn();
    await s.inGroup('/nominate romance', s.users.CY);
    const ask = s.tg.sent('sendMessage').at(-1)!;
    expect(ask.text).toBe('Which one? (Or send the full title with its year.)');
    const data = callbackData(ask.reply_markup);
    expect(data.length).toBeGreaterThan(1);
    expect(data.length).toBeLessThanOrEqual(5);
    for (const x of data) expect(Buffer.byteLength(x)).toBeLessThanOrEqual(64);
    await s.press(data[0]!, s.users.CY);
    expect(s.tg.sent('answerCallbackQuery').at(-1)!.text).toBe('Nominated');
    expect(s.tg.sent('editMessageText').some((e) => /^📌 cy nominated Romance/.test(String(e.text)))).toBe(true);
    expect((await candidates()).some((c) => c.nominatedBy !== null)).toBe(true);
  });

  it('a film already on the list, or one someone in has seen, is refused with its title', async () => {
    const state = await s.twoIn();
    const onList = s.d.deps.catalog.get(state.candidates[0]!.movieId)!;
    await s.inGroup(`/nominate ${onList.title} (${onList.year})`, s.users.BOB);
    expect(s.lastTexts()[0]).toBe(`${onList.title} (${onList.year}) is already on the list.`);
    await s.inGroup('/nominate Sci-Fi 1 (2000)', s.users.BOB);
    expect(s.lastTexts()[0]).toBe('Someone who is in has already seen Sci-Fi 1 (2000); pick another.');
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { addFavorite, MovieCatalog } from '../../../core/index.ts';
import { botDeps, GENERIC_APOLOGY } from '../../testing/bot-deps.ts';
import { callbackData, telegramHarness } from '../testing/telegram-harness.ts';
import { inlineHandler } from './inline.handler.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
let tg: ReturnType<typeof telegramHarness>;
beforeEach(async () => {
  d = await botDeps();
  tg = telegramHarness(inlineHandler(d));
});

describe('inline mode', () => {
  it('`@bot title` answers movie cards that post with 👍/👎 buttons', async () => {
    await tg.inline('romance 23');
    const [answer] = tg.sent('answerInlineQuery');
    const card = answer!.results!.find((r) => r.id === 'm23')!;
    expect(card.title).toBe('Romance 23 (2000)');
    expect(card.input_message_content.message_text).toContain('🎬 Romance 23 (2000)');
    expect(callbackData(card.reply_markup)).toEqual(['r:u:23', 'r:d:23', 'sn:23', 'lt:23']);
    expect(answer!.is_personal).toBeUndefined();
  });

  it('pages by 20 with next_offset, and a forged offset is clamped, never trusted', async () => {
    const many = Array.from({ length: 45 }, (_, n) => ({ id: n + 1, title: `Night ${n + 1}`, year: 2001, genres: [], imdbId: null, tmdbId: null }));
    tg = telegramHarness(inlineHandler({ ...d, deps: { ...d.deps, catalog: new MovieCatalog(many) } }));
    await tg.inline('night');
    await tg.inline('night', '40');
    await tg.inline('night', '-5; drop table');
    await tg.inline('night', '99999999');
    const [first, last, forged, huge] = tg.sent('answerInlineQuery');
    expect(first!.results).toHaveLength(20);
    expect(first!.next_offset).toBe('20');
    expect(last!.results).toHaveLength(5);
    expect(last!.next_offset).toBe('');
    expect(forged!.results!.map((r) => r.id)).toEqual(first!.results!.map((r) => r.id));
    expect(huge!.results).toEqual([]);
  });

  it('pages no deeper than 1000: a larger offset is taken as the last page', async () => {
    const many = Array.from({ length: 1100 }, (_, n) => ({ id: n + 1, title: `Night ${n + 1}`, year: 2001, genres: [], imdbId: null, tmdbId: null }));
    tg = telegramHarness(inlineHandler({ ...d, deps: { ...d.deps, catalog: new MovieCatalog(many) } }));
    await tg.inline('night', '980');
    await tg.inline('night', '99999999');
    const [deep, huge] = tg.sent('answerInlineQuery');
    expect(deep!.next_offset).toBe('');
    expect(huge!.results).toHaveLength(20);
    expect(huge!.next_offset).toBe('');
    for (const a of [deep, huge]) expect(Buffer.byteLength(String(a!.next_offset))).toBeLessThanOrEqual(64);
  });

  it('`@bot` alone answers the person their own picks, marked personal', async () => {
    for (const id of [21, 22, 23]) await addFavorite(d.deps, { platform: 'telegram', platformUserId: '1001' }, id);
    await tg.inline('');
    const [answer] = tg.sent('answerInlineQuery');
    expect(answer!.is_personal).toBe(true);
    // Romance fans: the other romance movies come first.
    expect(answer!.results!.slice(0, 5).map((r) => r.title)).toEqual(Array(5).fill(expect.stringMatching(/^Romance \d+ \(2000\)$/)));
  });

  it('a failure answers an empty list (inline mode has no place for text) and is logged', async () => {
    d.deps.model = () => {
      throw new Error('model file truncated at /var/lib/moviebot');
    };
    await tg.inline('');
    expect(tg.sent('answerInlineQuery')).toEqual([expect.objectContaining({ results: [] })]);
    expect(tg.sent('sendMessage')).toEqual([]);
    expect(d.logger.lines).toMatchObject([{ level: 'error' }]);
    expect(JSON.stringify(tg.calls)).not.toContain(GENERIC_APOLOGY);
  });
});

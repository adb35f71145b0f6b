import { beforeEach, describe, expect, it } from 'vitest';
import { botDeps, GENERIC_APOLOGY, tasteOf } from '../../testing/bot-deps.ts';
import { callbackData, telegramHarness } from '../testing/telegram-harness.ts';
import { favHandler } from './fav.handler.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
let tg: ReturnType<typeof telegramHarness>;
beforeEach(async () => {
  d = await botDeps();
  tg = telegramHarness(favHandler(d));
});

const favourites = async () => (await tasteOf(d.deps, 'telegram', '1001')).favorites;

describe('/fav', () => {
  it('lists matches as buttons whose callback data is an id within 64 bytes', async () => {
    await tg.message('/fav romance 2');
    const [reply] = tg.sent('sendMessage');
    expect(reply!.text).toBe('Which one?');
    const rows = reply!.reply_markup!.inline_keyboard!;
    expect(rows.map((r) => r[0]!.text)).toContain('Romance 23 (2000)');
    expect(rows.length).toBeLessThanOrEqual(8);
    const data = callbackData(reply!.reply_markup);
    expect(data).toContain('f:23');
    for (const x of data) expect(Buffer.byteLength(x)).toBeLessThanOrEqual(64);
  });

  it('asks for a title, and says when nothing matches', async () => {
    await tg.message('/fav');
    await tg.message('/fav qqqzzz');
    expect(tg.sent('sendMessage').map((m) => m.text)).toEqual([
      'Send /fav and a title, for example: /fav the matrix',
      'No movie matches that title. Try fewer words or another spelling.',
    ]);
  });

  it('a tap saves the favourite, once', async () => {
    await tg.callback('f:23');
    expect(tg.sent('answerCallbackQuery')[0]!.text).toBe('Saved');
    expect(tg.sent('editMessageText')[0]!.text).toBe('⭐ Romance 23 (2000) is now a favourite.');
    expect(await favourites()).toEqual([23]);
    await tg.callback('f:23');
    expect(tg.sent('answerCallbackQuery')[1]!.text).toBe('Already a favourite');
    expect(await favourites()).toEqual([23]);
  });

  it('a tap for a movie no longer in the catalog gets the UserError message and logs nothing', async () => {
    await tg.callback('f:777');
    expect(tg.sent('answerCallbackQuery').map((a) => a.text)).toEqual(['There is no movie with id 777 in the catalog.']);
    expect(tg.sent('editMessageText')).toEqual([]);
    expect(d.logger.lines).toEqual([]);
  });

  it('an unexpected failure gets the generic apology, leaking nothing, and is logged', async () => {
    d.deps.favorites.add = async () => {
      throw new Error('connection to 10.0.0.7:5432 refused');
    };
    await tg.callback('f:23');
    expect(tg.sent('answerCallbackQuery').map((a) => a.text)).toEqual([GENERIC_APOLOGY]);
    expect(d.logger.lines).toMatchObject([{ level: 'error', message: 'telegram handler failed' }]);
  });
});

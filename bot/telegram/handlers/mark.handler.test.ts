import { beforeEach, describe, expect, it } from 'vitest';
import { recommend, watchlist } from '../../../core/index.ts';
import { botDeps } from '../../testing/bot-deps.ts';
import { telegramHarness } from '../testing/telegram-harness.ts';
import { markHandler, markMovie } from './mark.handler.ts';
import { watchlistHandler } from './watchlist.handler.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
let tg: ReturnType<typeof telegramHarness>;
beforeEach(async () => {
  d = await botDeps();
  tg = telegramHarness(markHandler(d), watchlistHandler(d));
});
const ann = { platform: 'telegram', platformUserId: '1001' } as const;

describe('👁 Seen it / 🕐 Later buttons and /watchlist', () => {
  it('write and read "sn:<id>" and "lt:<id>", the same as on Discord, within 64 bytes', () => {
    expect(markMovie.data({ mark: 'seen', movieId: 44 })).toBe('sn:44');
    expect(markMovie.data({ mark: 'later', movieId: 999_999_999 })).toBe('lt:999999999');
    expect(markMovie.parse('lt:44')).toEqual({ mark: 'later', movieId: 44 });
    expect(markMovie.parse('sx:44')).toBeNull();
  });

  it('a 👁 tap marks the film seen, once: it is never recommended again', async () => {
    await tg.callback('sn:44');
    await tg.callback('sn:44');
    expect(tg.sent('answerCallbackQuery').map((a) => a.text)).toEqual([
      '👁 Seen: Horror 44 (2000) — not recommended again',
      'Already seen: Horror 44 (2000) — not recommended again',
    ]);
    expect((await recommend(d.deps, ann, { k: 50 })).map((p) => p.movie.id)).not.toContain(44);
  });

  it('a 🕐 tap puts the film on the watchlist, which /watchlist lists; an empty one says how to fill it', async () => {
    await tg.message('/watchlist');
    expect(tg.sent('sendMessage')[0]!.text).toMatch(/^Your watchlist is empty/);
    await tg.callback('lt:44');
    expect(tg.sent('answerCallbackQuery')[0]!.text).toBe('🕐 On your watchlist: Horror 44 (2000) (/watchlist)');
    expect((await watchlist(d.deps, ann)).map((m) => m.id)).toEqual([44]);
    await tg.message('/watchlist');
    expect(tg.sent('sendMessage')[1]!.text).toBe('Your watchlist, best first for you:\n1. Horror 44 (2000)');
  });

  it('a tap for a film no longer in the catalog gets the UserError message', async () => {
    await tg.callback('lt:777');
    expect(tg.sent('answerCallbackQuery')[0]!.text).toBe('There is no movie with id 777 in the catalog.');
  });
});

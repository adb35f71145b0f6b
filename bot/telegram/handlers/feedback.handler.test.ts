import { beforeEach, describe, expect, it } from 'vitest';
import { botDeps, GENERIC_APOLOGY, tasteOf } from '../../testing/bot-deps.ts';
import { telegramHarness } from '../testing/telegram-harness.ts';
import { feedbackHandler, rateMovie } from './feedback.handler.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
let tg: ReturnType<typeof telegramHarness>;
beforeEach(async () => {
  d = await botDeps();
  tg = telegramHarness(feedbackHandler(d));
});

const feedback = async () => (await tasteOf(d.deps, 'telegram', '1001')).feedback.map(({ movieId, value, source }) => ({ movieId, value, source }));

describe('👍/👎 buttons', () => {
  it('write and read "r:u:<id>" and "r:d:<id>", the same as on Discord', () => {
    expect(rateMovie.data({ value: 1, movieId: 44 })).toBe('r:u:44');
    expect(rateMovie.data({ value: -1, movieId: 44 })).toBe('r:d:44');
    expect(rateMovie.parse('r:d:44')).toEqual({ value: -1, movieId: 44 });
    expect(rateMovie.parse('r:x:44')).toBeNull();
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

import { beforeEach, describe, expect, it } from 'vitest';
import { addFavorite } from '../../../core/index.ts';
import { botDeps, tasteOf } from '../../testing/bot-deps.ts';
import { callbackData, telegramHarness } from '../testing/telegram-harness.ts';
import { forgetHandler } from './forget.handler.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
let tg: ReturnType<typeof telegramHarness>;
beforeEach(async () => {
  d = await botDeps();
  tg = telegramHarness(forgetHandler(d));
});

describe('/forget', () => {
  it('asks first, with one confirm button', async () => {
    await tg.message('/forget');
    const [reply] = tg.sent('sendMessage');
    expect(reply!.text).toBe('This deletes your favourites, ratings and share link.');
    expect(callbackData(reply!.reply_markup)).toEqual(['x:forget']);
    expect(await d.deps.accounts.findUser('telegram', '1001')).toBeNull();
  });

  it('the button deletes everything about the person and no one else', async () => {
    await addFavorite(d.deps, { platform: 'telegram', platformUserId: '1001' }, 3);
    await addFavorite(d.deps, { platform: 'telegram', platformUserId: '2002' }, 4);
    await tg.callback('x:forget');
    expect(tg.sent('editMessageText')[0]!.text).toBe('Done: everything about you is deleted.');
    expect(tg.sent('answerCallbackQuery')[0]!.text).toBe('Done');
    expect(await d.deps.accounts.findUser('telegram', '1001')).toBeNull();
    expect((await tasteOf(d.deps, 'telegram', '2002')).favorites).toEqual([4]);
    await tg.callback('x:forget');
    expect(tg.sent('editMessageText')[1]!.text).toBe('There was nothing to delete.');
  });
});

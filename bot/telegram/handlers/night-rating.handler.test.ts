import { beforeEach, describe, expect, it } from 'vitest';
import { nightSetup } from '../testing/night-setup.ts';
import { tasteOf } from '../../testing/bot-deps.ts';
import { GROUP_CHAT } from '../testing/telegram-harness.ts';

let s: Awaited<ReturnType<typeof nightSetup>>;
let winner: number;
beforeEach(async () => {
  s = await nightSetup();
  await s.twoIn();
  await s.inGroup('/movienight vote');
  const night = (await s.d.deps.nights.state(1))!;
  await s.tg.pollAnswer(night.night.pollId!, [0], s.users.BOB);
  winner = night.candidates[0]!.movieId;
  await s.inGroup('/movienight close');
  await s.inGroup('/movienight done');
});

describe('how was it?', () => {
  it('a press by someone who was in is their feedback from the night, once per tap', async () => {
    await s.tg.callback('mh:u:1', { id: 'tap-1', chat: GROUP_CHAT, from: s.users.BOB });
    // Telegram delivers the same tap again: it counts once.
    await s.tg.callback('mh:u:1', { id: 'tap-1', chat: GROUP_CHAT, from: s.users.BOB });
    expect(s.tg.sent('answerCallbackQuery').at(-1)!.text).toBe('Already noted');
    expect(s.tg.sent('answerCallbackQuery').at(-2)!.text).toMatch(/^👍 .+ — thanks!$/);
    const { feedback } = await tasteOf(s.d.deps, 'telegram', String(s.users.BOB.id));
    expect(feedback).toEqual([expect.objectContaining({ movieId: winner, value: 1, source: 'movienight' })]);
    await s.press('mh:d:1', s.users.ANN);
    expect(s.tg.sent('answerCallbackQuery').at(-1)!.text).toMatch(/^👎 /);
  });

  it('someone who was not in is told, and nothing is recorded', async () => {
    await s.press('mh:u:1', s.users.DAN);
    expect(s.tg.sent('answerCallbackQuery').at(-1)!.text).toBe('Only people who said they were in can rate this night.');
    expect((await tasteOf(s.d.deps, 'telegram', String(s.users.DAN.id))).feedback).toEqual([]);
  });
});

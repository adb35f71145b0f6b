/**
 * The whole bot as createTelegramBot wires it (never launched): what happens
 * before and after the handlers - redelivered updates, group membership,
 * stale buttons.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { answerRsvp, pollSent, startMovieNight, startPoll } from '../../core/index.ts';
import { botDeps } from '../testing/bot-deps.ts';
import { createTelegramBot } from './telegram-bot.ts';
import { ANN, BOB, BOT_INFO, GROUP_CHAT, telegramHarness } from './testing/telegram-harness.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
let tg: ReturnType<typeof telegramHarness>;
beforeEach(async () => {
  d = await botDeps();
  const bot = createTelegramBot('4242:TEST', 'http://127.0.0.1:9', d);
  bot.botInfo = BOT_INFO;
  tg = telegramHarness(bot);
});

describe('telegram routing', () => {
  it('handles a redelivered update once', async () => {
    const update = {
      update_id: 9000,
      message: { message_id: 1, date: 0, chat: GROUP_CHAT, from: ANN, text: '/help', entities: [{ type: 'bot_command', offset: 0, length: 5 }] },
    };
    await tg.send(update as never);
    await tg.send(update as never);
    expect(tg.sent('sendMessage')).toHaveLength(1);
  });

  it('makes whoever talks to the bot in a group a member, but not in a private chat', async () => {
    await tg.message('/help', { chat: GROUP_CHAT });
    await tg.message('/help', { from: { ...ANN, id: 3003 } });
    const group = await d.deps.communities.ensure('telegram', String(GROUP_CHAT.id));
    expect(await d.deps.communities.memberIds(group.id)).toEqual([await d.deps.accounts.findUser('telegram', String(ANN.id))]);
    expect(await d.deps.accounts.findUser('telegram', '3003')).toBeNull();
  });

  it('routes a 👍 button to feedback and answers an unknown button with "expired"', async () => {
    await tg.callback('r:u:42');
    await tg.callback('old-format:42');
    expect(tg.sent('answerCallbackQuery').map((a) => a.text)).toEqual(['👍 Horror 42 (2000)', 'This button has expired.']);
  });

  it('a poll answer, which comes without a chat, passes the membership step and counts', async () => {
    const person = (user: typeof ANN) => ({ platform: 'telegram' as const, platformUserId: String(user.id), username: user.username });
    const group = { platform: 'telegram' as const, id: String(GROUP_CHAT.id) };
    const { state } = await startMovieNight(d.deps, { identity: person(ANN), community: group, channelId: String(GROUP_CHAT.id), when: 'in 3 days' });
    await answerRsvp(d.deps, { nightId: state.night.id, identity: person(BOB), going: true, via: 'button' });
    const voting = await startPoll(d.deps, state.night.id);
    await pollSent(d.deps, state.night.id, '5000000000000000042', '900');
    await tg.pollAnswer('5000000000000000042', [1], BOB);
    expect((await d.deps.nights.state(state.night.id))!.votes).toEqual([{ userId: expect.any(Number), movieId: voting.candidates[1]!.movieId }]);
    expect(tg.calls).toEqual([]);
    expect(d.logger.lines).toEqual([]);
  });
});

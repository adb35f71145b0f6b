/**
 * The loopback Bot API's polls, pins, chat admins and edits, driven through
 * the real telegraf client: what a bot sees must be what Telegram documents.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Telegraf, TelegramError } from 'telegraf';
import { FakeTelegram } from './fake-telegram.ts';

const GROUP = { id: -100500, type: 'supergroup', title: 'Film club' };

let api: FakeTelegram;
let bot: Telegraf;
beforeEach(async () => {
  api = new FakeTelegram();
  await api.start();
  bot = new Telegraf('123:TEST', { telegram: { apiRoot: api.apiRoot } });
});
afterEach(async () => {
  await api.stop();
});

/** The Bot API's refusal of `call`: its code and description. */
async function refusal(call: Promise<unknown>): Promise<{ code: number; description: string }> {
  const err = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TelegramError);
  const { error_code, description } = (err as TelegramError).response;
  return { code: error_code, description };
}

/** Starts long polling with these allowed_updates; resolves once the fake has them. */
async function poll(allowedUpdates: string[]): Promise<() => void> {
  void bot.launch({ allowedUpdates: allowedUpdates as never });
  for (let n = 0; n < 200 && api.allowedUpdates === null; n++) await new Promise((r) => setTimeout(r, 10));
  return () => bot.stop('test');
}

const options = (n: number) => Array.from({ length: n }, (_, i) => `Film ${i + 1} (2000)`);

describe('sendPoll', () => {
  it('returns a message whose poll has a string id, non-anonymous with multiple answers when asked', async () => {
    const message = await bot.telegram.sendPoll(GROUP.id, 'What shall we watch?', options(3), { is_anonymous: false, allows_multiple_answers: true });
    expect(message.chat.id).toBe(GROUP.id);
    expect(typeof message.poll.id).toBe('string');
    expect(Number.isSafeInteger(Number(message.poll.id))).toBe(false);
    expect(message.poll).toMatchObject({
      question: 'What shall we watch?',
      options: options(3).map((text) => ({ text, voter_count: 0 })),
      total_voter_count: 0,
      is_closed: false,
      is_anonymous: false,
      type: 'regular',
      allows_multiple_answers: true,
    });
  });

  it('is anonymous with one answer unless told otherwise', async () => {
    const { poll } = await bot.telegram.sendPoll(GROUP.id, 'Q?', options(2));
    expect(poll).toMatchObject({ is_anonymous: true, allows_multiple_answers: false });
  });

  it('refuses what the Bot API refuses', async () => {
    const send = (question: string, list: string[]) => refusal(bot.telegram.sendPoll(GROUP.id, question, list, { is_anonymous: false }));
    expect(await send('Q?', options(1))).toEqual({ code: 400, description: 'Bad Request: poll must have at least 2 option' });
    expect((await send('Q?', options(11))).description).toBe("Bad Request: poll can't have more than 10 options");
    expect((await send('Q?', ['x'.repeat(101), 'b'])).description).toBe('Bad Request: poll options length must not exceed 100');
    expect((await send('q'.repeat(301), options(2))).description).toBe('Bad Request: poll question length must not exceed 300');
    expect((await send('Q?', ['Same', 'Same'])).description).toBe('Bad Request: POLL_OPTION_DUPLICATE');
    expect((await send('Q?', ['a', ''])).description).toBe('Bad Request: poll options must be non-empty');
    // The limits themselves are fine.
    await bot.telegram.sendPoll(GROUP.id, 'q'.repeat(300), ['x'.repeat(100), ...options(9)]);
    expect(api.chats.polls.all()).toHaveLength(1);
  });
});

describe('poll_answer', () => {
  it('reaches the bot for a non-anonymous poll when it asked for poll_answer; a changed answer replaces, an empty one retracts', async () => {
    const answers: { poll_id: string; user?: { id: number }; option_ids: number[] }[] = [];
    bot.on('poll_answer', (ctx) => void answers.push(ctx.pollAnswer));
    const stop = await poll(['message', 'poll_answer']);
    try {
      const { poll: sent } = await bot.telegram.sendPoll(GROUP.id, 'Q?', options(3), { is_anonymous: false, allows_multiple_answers: true });
      expect(api.pollAnswer(7, sent.id, [0, 2])).toEqual(expect.any(Number));
      expect(api.pollAnswer(8, sent.id, [2])).toEqual(expect.any(Number));
      expect(api.pollAnswer(7, sent.id, [1])).toEqual(expect.any(Number));
      expect(api.pollAnswer(8, sent.id, [])).toEqual(expect.any(Number));
      for (let n = 0; n < 200 && answers.length < 4; n++) await new Promise((r) => setTimeout(r, 10));
      expect(answers).toEqual([
        { poll_id: sent.id, user: expect.objectContaining({ id: 7 }), option_ids: [0, 2] },
        { poll_id: sent.id, user: expect.objectContaining({ id: 8 }), option_ids: [2] },
        { poll_id: sent.id, user: expect.objectContaining({ id: 7 }), option_ids: [1] },
        { poll_id: sent.id, user: expect.objectContaining({ id: 8 }), option_ids: [] },
      ]);
      expect(api.chats.polls.get(sent.id)!.options.map((o) => o.voter_count)).toEqual([0, 1, 0]);
      expect(api.chats.polls.get(sent.id)!.total_voter_count).toBe(1);
    } finally {
      stop();
    }
  });

  it('is not sent for an anonymous poll, nor when allowed_updates leaves it out (the counts change all the same)', async () => {
    const stop = await poll(['message', 'callback_query']);
    try {
      expect(api.allowedUpdates).toEqual(['message', 'callback_query']);
      expect(api.delivers('poll_answer')).toBe(false);
      const open = await bot.telegram.sendPoll(GROUP.id, 'Q?', options(2), { is_anonymous: false });
      expect(api.pollAnswer(7, open.poll.id, [1])).toBeNull();
      const anonymous = await bot.telegram.sendPoll(GROUP.id, 'Q?', options(2));
      expect(api.pollAnswer(7, anonymous.poll.id, [0])).toBeNull();
      expect(api.chats.polls.get(open.poll.id)!.options[1]!.voter_count).toBe(1);
    } finally {
      stop();
    }
  });

  it('follows the documented default while allowed_updates was never given', () => {
    expect(api.allowedUpdates).toBeNull();
    expect(api.delivers('poll_answer')).toBe(true);
    expect(api.delivers('message_reaction')).toBe(false);
  });
});

describe('stopPoll', () => {
  it('returns the final poll once; a second stop is refused and later answers count nowhere', async () => {
    const { message_id, poll: sent } = await bot.telegram.sendPoll(GROUP.id, 'Q?', options(3), { is_anonymous: false, allows_multiple_answers: true });
    api.pollAnswer(7, sent.id, [0, 1]);
    api.pollAnswer(8, sent.id, [1]);
    const final = await bot.telegram.stopPoll(GROUP.id, message_id);
    expect(final).toMatchObject({ id: sent.id, is_closed: true, total_voter_count: 2 });
    expect(final.options.map((o) => o.voter_count)).toEqual([1, 2, 0]);
    expect(await refusal(bot.telegram.stopPoll(GROUP.id, message_id))).toEqual({ code: 400, description: 'Bad Request: poll has already been closed' });
    expect(api.pollAnswer(9, sent.id, [2])).toBeNull();
    expect(api.chats.polls.get(sent.id)!.options[2]!.voter_count).toBe(0);
    const text = await bot.telegram.sendMessage(GROUP.id, 'not a poll');
    expect((await refusal(bot.telegram.stopPoll(GROUP.id, text.message_id))).description).toBe('Bad Request: message with poll to stop not found');
  });
});

describe('pins and admins', () => {
  it('pins while the bot is an admin that may pin; otherwise "not enough rights"', async () => {
    const { message_id } = await bot.telegram.sendMessage(GROUP.id, 'The winner is…');
    expect(await bot.telegram.pinChatMessage(GROUP.id, message_id)).toBe(true);
    expect(api.chats.pinned(GROUP.id)).toEqual([message_id]);
    api.setRights(GROUP.id, { botIsAdmin: false });
    const refused = await refusal(bot.telegram.pinChatMessage(GROUP.id, message_id));
    expect(refused.code).toBe(400);
    expect(refused.description).toMatch(/not enough rights/);
    api.setRights(GROUP.id, { botIsAdmin: true, botCanPin: false });
    expect((await refusal(bot.telegram.pinChatMessage(GROUP.id, message_id))).description).toMatch(/not enough rights/);
    expect((await bot.telegram.getChatMember(GROUP.id, 42)) as unknown).toMatchObject({ status: 'administrator', can_pin_messages: false });
  });

  it('getChatMember and getChatAdministrators follow the configured owner and admins', async () => {
    api.text(9, '/hello', GROUP);
    api.setRights(GROUP.id, { owner: 7, admins: [8] });
    expect(await bot.telegram.getChatMember(GROUP.id, 7)).toMatchObject({ status: 'creator', user: { id: 7 } });
    expect(await bot.telegram.getChatMember(GROUP.id, 8)).toMatchObject({ status: 'administrator', user: { id: 8 } });
    expect(await bot.telegram.getChatMember(GROUP.id, 9)).toMatchObject({ status: 'member', user: { id: 9 } });
    expect(await bot.telegram.getChatMember(GROUP.id, 10)).toMatchObject({ status: 'left' });
    const admins = await bot.telegram.getChatAdministrators(GROUP.id);
    expect(admins.map((a) => [a.status, a.user.id])).toEqual([
      ['creator', 7],
      ['administrator', 8],
      ['administrator', 42],
    ]);
    expect((await refusal(bot.telegram.getChatAdministrators(9))).description).toBe('Bad Request: there are no administrators in the private chat');
  });
});

describe('edits', () => {
  it('counts edits per message and refuses one that changes nothing', async () => {
    const keyboard = (label: string) => ({ inline_keyboard: [[{ text: label, callback_data: 'mn:in:1' }]] });
    const { message_id } = await bot.telegram.sendMessage(GROUP.id, 'Movie night', { reply_markup: keyboard("I'm in") });
    await bot.telegram.editMessageText(GROUP.id, message_id, undefined, 'Movie night — 1 in', { reply_markup: keyboard("I'm in") });
    await bot.telegram.editMessageReplyMarkup(GROUP.id, message_id, undefined, keyboard("I'm in (1)"));
    const same = await refusal(bot.telegram.editMessageText(GROUP.id, message_id, undefined, 'Movie night — 1 in', { reply_markup: keyboard("I'm in (1)") }));
    expect(same.description).toMatch(/^Bad Request: message is not modified/);
    expect(api.chats.editsOf(GROUP.id, message_id)).toBe(2);
    // Editing the text without a keyboard removes the keyboard.
    await bot.telegram.editMessageText(GROUP.id, message_id, undefined, 'Movie night — closed');
    expect(api.chats.message(GROUP.id, message_id)).toMatchObject({ text: 'Movie night — closed', reply_markup: undefined });
    expect(api.chats.editsOf(GROUP.id, message_id)).toBe(3);
    expect((await refusal(bot.telegram.sendMessage(GROUP.id, 'x'.repeat(4097)))).description).toBe('Bad Request: message is too long');
  });

  it('a press on a button of a group message carries that message and chat', async () => {
    const seen: unknown[] = [];
    bot.action(/.*/, (ctx) => void seen.push(ctx.callbackQuery.message));
    const stop = await poll(['message', 'callback_query']);
    try {
      api.text(7, '/hi', GROUP);
      const sent = await bot.telegram.sendMessage(GROUP.id, 'Movie night', { reply_markup: { inline_keyboard: [[{ text: 'In', callback_data: 'mn:in:1' }]] } });
      api.click(7, sent.message_id, 'mn:in:1', 'q1', GROUP.id);
      for (let n = 0; n < 200 && seen.length === 0; n++) await new Promise((r) => setTimeout(r, 10));
      expect(seen).toEqual([expect.objectContaining({ message_id: sent.message_id, chat: GROUP, text: 'Movie night' })]);
    } finally {
      stop();
    }
  });
});

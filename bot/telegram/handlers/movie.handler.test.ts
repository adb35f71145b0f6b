import { beforeEach, describe, expect, it } from 'vitest';
import { botDeps } from '../../testing/bot-deps.ts';
import { CardRegistry } from '../movie-card.ts';
import { BOT_INFO, callbackData, GROUP_CHAT, telegramHarness } from '../testing/telegram-harness.ts';
import { movieHandler } from './movie.handler.ts';

let cards: CardRegistry;
let tg: ReturnType<typeof telegramHarness>;
beforeEach(async () => {
  cards = new CardRegistry();
  tg = telegramHarness(movieHandler(await botDeps(), cards));
});

describe('/movie', () => {
  it('posts a card with 👍/👎 buttons and remembers which movie the sent message is', async () => {
    await tg.message('/movie horror 42', { chat: GROUP_CHAT });
    const [card] = tg.sent('sendMessage');
    expect(card!.chat_id).toBe(GROUP_CHAT.id);
    expect(card!.text).toBe('🎬 Horror 42 (2000)\nHorror\nRate it with the buttons or react 👍 / 👎');
    expect(callbackData(card!.reply_markup)).toEqual(['r:u:42', 'r:d:42', 'sn:42', 'lt:42']);
    const sent = tg.calls.find((c) => c.method === 'sendMessage')!.result as { message_id: number };
    expect(cards.movieOf(GROUP_CHAT.id, sent.message_id)).toBe(42);
    expect(cards.movieOf(GROUP_CHAT.id, sent.message_id - 1)).toBeUndefined();
  });

  it('asks for a title, and says when nothing matches', async () => {
    await tg.message('/movie');
    await tg.message('/movie qqqzzz');
    expect(tg.sent('sendMessage').map((m) => m.text)).toEqual(['Send /movie and a title, for example: /movie heat', 'No movie matches that title.']);
  });

  it('remembers a card sent through inline mode by this bot, not one by another bot', async () => {
    const markup = { inline_keyboard: [[{ text: '👍', callback_data: 'r:u:7' }]] };
    await tg.message('🎬 Sci-Fi 7', { chat: GROUP_CHAT, extra: { message_id: 900, via_bot: BOT_INFO, reply_markup: markup } });
    await tg.message('🎬 Sci-Fi 7', { chat: GROUP_CHAT, extra: { message_id: 901, via_bot: { ...BOT_INFO, id: 1 }, reply_markup: markup } });
    expect(cards.movieOf(GROUP_CHAT.id, 900)).toBe(7);
    expect(cards.movieOf(GROUP_CHAT.id, 901)).toBeUndefined();
    expect(tg.calls).toEqual([]);
  });
});

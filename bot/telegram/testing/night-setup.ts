/**
 * The movie night handlers on the in-memory stores, over the recording
 * Telegram harness, with a clock the test moves. Ann likes sci-fi (1, 2),
 * Bob too (3), Cy romance (21); Dan has no taste yet.
 */
import { addFavorite, type PlatformIdentity } from '../../../core/index.ts';
import { botDeps } from '../../testing/bot-deps.ts';
import { movieNightHandler } from '../handlers/movienight.handler.ts';
import { nightPollHandler } from '../handlers/night-poll.handler.ts';
import { nightRatingHandler } from '../handlers/night-rating.handler.ts';
import { nightRsvpHandler } from '../handlers/night-rsvp.handler.ts';
import { nominateHandler } from '../handlers/nominate.handler.ts';
import { NightActions } from '../night-actions.ts';
import { NightBoard } from '../night-board.ts';
import { ANN, BOB, CY, DAN, GROUP_CHAT, telegramHarness } from './telegram-harness.ts';

export const TUESDAY_NOON = new Date('2026-12-08T12:00:00Z');
const who = (user: typeof ANN): PlatformIdentity => ({ platform: 'telegram', platformUserId: String(user.id), username: user.username });

export async function nightSetup() {
  const d = await botDeps();
  const clock = { now: TUESDAY_NOON };
  d.deps.now = () => clock.now;
  const tg = telegramHarness();
  // No wait between edits: the test flushes the board when it wants to see the message.
  const board = new NightBoard(tg.telegram, d.deps, d.logger, 0);
  const nights = new NightActions(tg.telegram, d.deps, board, d.logger);
  tg.use(movieNightHandler(d, nights), nightRsvpHandler(d, nights), nominateHandler(d, nights), nightPollHandler(d, nights), nightRatingHandler(d));
  await addFavorite(d.deps, who(ANN), 1);
  await addFavorite(d.deps, who(ANN), 2);
  await addFavorite(d.deps, who(BOB), 3);
  await addFavorite(d.deps, who(CY), 21);

  const inGroup = (text: string, from = ANN) => tg.message(text, { chat: GROUP_CHAT, from });
  return {
    d,
    tg,
    board,
    nights,
    clock,
    inGroup,
    /** A button press on a group message. */
    press: (data: string, from = ANN) => tg.callback(data, { chat: GROUP_CHAT, from }),
    /** The texts of the last `n` messages sent. */
    lastTexts: (n = 1) =>
      tg
        .sent('sendMessage')
        .slice(-n)
        .map((m) => m.text),
    /** The night's message as last sent or edited. */
    message: async () => {
      await board.flush();
      const last = tg.calls
        .filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText')
        .findLast((c) => /^(.*\n\n)?🎬 Movie night/s.test(String(c.payload.text)));
      return last?.payload;
    },
    /** Ann starts Friday's night and Bob says he is in: the shortlist is out. */
    async twoIn() {
      await inGroup('/movienight fri 21:00');
      await tg.callback('mn:in:1', { chat: GROUP_CHAT, from: BOB });
      await board.flush();
      return (await d.deps.nights.state(1))!;
    },
    users: { ANN, BOB, CY, DAN },
    who,
  };
}

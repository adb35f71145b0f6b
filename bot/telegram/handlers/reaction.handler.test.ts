import { beforeEach, describe, expect, it } from 'vitest';
import { recordFeedback } from '../../../core/index.ts';
import { botDeps, tasteOf } from '../../testing/bot-deps.ts';
import { CardRegistry } from '../movie-card.ts';
import { ANN, GROUP_CHAT, telegramHarness } from '../testing/telegram-harness.ts';
import { reactionHandler } from './reaction.handler.ts';

let d: Awaited<ReturnType<typeof botDeps>>;
let tg: ReturnType<typeof telegramHarness>;
beforeEach(async () => {
  d = await botDeps();
  const cards = new CardRegistry();
  cards.remember(GROUP_CHAT.id, 10, 42);
  cards.remember(GROUP_CHAT.id, 11, 777);
  tg = telegramHarness(reactionHandler(d, cards));
});

const feedback = async () => (await tasteOf(d.deps, 'telegram', String(ANN.id))).feedback.map(({ movieId, value, source }) => ({ movieId, value, source }));
const react = (old: string[], now: string[], o: { messageId?: number; from?: typeof ANN | null } = {}) =>
  tg.reaction({ chat: GROUP_CHAT, messageId: o.messageId ?? 10, old, now, from: o.from });

describe('reactions on a movie card', () => {
  it('👍 is a like, switching to 👎 a dislike, and taking it away takes it back', async () => {
    await react([], ['👍']);
    await react(['👍'], ['👎']);
    await react(['👎'], []);
    expect(await feedback()).toEqual([
      { movieId: 42, value: 1, source: 'reaction' },
      { movieId: 42, value: -1, source: 'reaction' },
      { movieId: 42, value: 0, source: 'reaction' },
    ]);
    expect(tg.calls).toEqual([]);
  });

  it('taking away a 👍 does not erase a 👎 given since with a button', async () => {
    await react([], ['👍']);
    await recordFeedback(d.deps, { identity: { platform: 'telegram', platformUserId: String(ANN.id) }, movieId: 42, value: -1, source: 'button' });
    await react(['👍'], []);
    expect((await feedback()).map((f) => f.value)).toEqual([1, -1]);
  });

  it('ignores other emoji, unknown messages, bots and anonymous admins', async () => {
    await react([], ['🔥']);
    await react([], ['👍'], { messageId: 99 });
    await react([], ['👍'], { from: { ...ANN, is_bot: true } });
    await react([], ['👍'], { from: null });
    expect(await feedback()).toEqual([]);
  });

  it('a card for a movie no longer in the catalog is ignored quietly; an unexpected failure is logged', async () => {
    await react([], ['👍'], { messageId: 11 });
    expect(d.logger.lines).toEqual([]);
    d.deps.feedback.record = async () => {
      throw new Error('deadlock detected');
    };
    await react([], ['👍']);
    expect(d.logger.lines).toMatchObject([{ level: 'error', message: 'telegram reaction failed' }]);
  });
});

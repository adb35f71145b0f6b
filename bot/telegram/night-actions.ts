import { Markup, type Telegram } from 'telegraf';
import { finishMovieNight, nightState, pollSent, startPoll, type Logger, type NightDeps, type NightResult } from '../../core/index.ts';
import { nightRating } from './night-callbacks.ts';
import type { NightBoard } from './night-board.ts';
import { howWasItText, pollOptions, pollQuestion, winnerText } from './night-text.ts';

const description = (err: unknown) => (err as { description?: string }).description ?? '';

/**
 * What a movie night does in its group, whoever sets it off (a command or
 * the clock): send the poll, announce the result, ask how it was. The use
 * cases decide whether it happens (one caller wins each step); these do
 * the Telegram side.
 */
export class NightActions {
  constructor(
    readonly telegram: Telegram,
    readonly deps: NightDeps,
    readonly board: NightBoard,
    private readonly logger: Logger,
  ) {}

  /**
   * Fixes the list and sends the native poll: non-anonymous (so answers
   * arrive as poll_answer updates) with multiple answers (approval voting).
   * A night fixed for voting whose poll never went out (sendPoll failed)
   * gets it now.
   */
  async sendVote(nightId: number): Promise<void> {
    const current = await nightState(this.deps, nightId);
    const state = current.night.status === 'voting' && current.night.pollId === null ? current : await startPoll(this.deps, nightId);
    const view = await this.board.view(state);
    const sent = await this.telegram.sendPoll(Number(state.night.channelId), pollQuestion(state), pollOptions(view), {
      is_anonymous: false,
      allows_multiple_answers: true,
    });
    await pollSent(this.deps, nightId, sent.poll.id, String(sent.message_id));
    this.board.touch(nightId);
  }

  /** After the vote closed: stop the poll, post the winner and pin it if the bot may, else say why it could not. */
  async announce(result: NightResult): Promise<void> {
    const { night } = result.state;
    const chatId = Number(night.channelId);
    if (night.pollMessageId !== null) {
      // A second stop (another process announced too) is refused by Telegram: the poll is closed either way.
      await this.telegram.stopPoll(chatId, Number(night.pollMessageId)).catch((err: unknown) => {
        if (!/already been closed/.test(description(err))) this.logger.warn({ err, nightId: night.id }, 'could not stop the movie night poll');
      });
    }
    const name = await this.board.namer(result.favouredFor);
    const sent = await this.telegram.sendMessage(chatId, winnerText(result, name));
    this.board.touch(night.id);
    try {
      await this.telegram.pinChatMessage(chatId, sent.message_id, { disable_notification: true });
    } catch (err) {
      await this.telegram.sendMessage(chatId, `I could not pin the result: ${await this.whyNoPin(chatId, err)}`);
    }
  }

  /** closed → done, once: "how was it?" with 👍/👎 for the people who were in. False when it was already asked. */
  async askHowWasIt(nightId: number): Promise<boolean> {
    const finished = await finishMovieNight(this.deps, { nightId });
    if (!finished) return false;
    const chatId = Number(finished.state.night.channelId);
    await this.telegram.sendMessage(
      chatId,
      howWasItText(finished.movie),
      Markup.inlineKeyboard([
        Markup.button.callback('👍', nightRating.data({ value: 1, nightId })),
        Markup.button.callback('👎', nightRating.data({ value: -1, nightId })),
      ]),
    );
    this.board.touch(nightId);
    return true;
  }

  /** What is missing for pinning, in words a group admin can act on. */
  private async whyNoPin(chatId: number, err: unknown): Promise<string> {
    const me = await this.telegram
      .getMe()
      .then((bot) => this.telegram.getChatMember(chatId, bot.id))
      .catch(() => null);
    if (me && me.status !== 'administrator' && me.status !== 'creator') return 'I am not an admin of this group. Make me one with the right to pin messages.';
    if (me?.status === 'administrator' && !me.can_pin_messages) return 'I am an admin here without the right to pin messages. Give me that right.';
    return `Telegram said "${description(err) || String(err)}".`;
  }
}

import { cancelMovieNight, closeMovieNight, dueMovieNights, UserError, type Logger } from '../../core/index.ts';
import { NIGHT_CLOCK_MS, NightTicker } from '../shared/night-ticker.ts';
import type { NightActions } from './night-actions.ts';

/**
 * Runs Telegram's movie nights on time: sends the poll a while before the
 * night (unless someone already did), closes the vote at the start time (or
 * calls the night off if there was never anything to vote on) and asks "how
 * was it?" after the film. The use cases let one caller win each step, so
 * several processes (or a command at the same moment) do each once. A poll
 * the night is not ready for yet (fewer than two people in) is tried again
 * on the next tick.
 */
export class NightClock extends NightTicker {
  constructor(
    private readonly nights: NightActions,
    logger: Logger,
    intervalMs = NIGHT_CLOCK_MS,
  ) {
    super(logger, intervalMs);
  }

  protected async run(): Promise<void> {
    const { deps } = this.nights;
    let due;
    try {
      due = await dueMovieNights(deps, 'telegram');
    } catch (err) {
      return this.logger.error({ err }, 'movie night clock could not read what is due');
    }
    // A night whose start has passed is closed below, not sent a poll nobody would have time to answer.
    const now = deps.now?.() ?? new Date();
    for (const night of due.toVote.filter((n) => n.startsAt > now)) await this.step(night.id, 'send the poll', () => this.nights.sendVote(night.id));
    for (const night of due.toClose) await this.step(night.id, 'close the vote', () => this.close(night.id));
    for (const night of due.toFinish) await this.step(night.id, 'ask how it was', () => this.nights.askHowWasIt(night.id));
  }

  /**
   * At the start time people are gathering and need a film: with no votes
   * the group's top-scored candidate wins. With nothing to pick from (never
   * two people in) the night is called off, so the group can plan another.
   */
  private async close(nightId: number): Promise<void> {
    const { deps, board } = this.nights;
    try {
      await this.nights.announce(await closeMovieNight(deps, { nightId, mayManage: true, atDeadline: true }));
    } catch (err) {
      if (!(err instanceof UserError && err.code === 'NO_VOTES')) throw err;
      if (await cancelMovieNight(deps, nightId)) board.touch(nightId);
    }
  }
}

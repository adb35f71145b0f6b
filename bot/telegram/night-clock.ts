import { cancelMovieNight, closeMovieNight, dueMovieNights, UserError, type Logger } from '../../core/index.ts';
import type { NightActions } from './night-actions.ts';

/** How often the clock looks for nights with something due. */
export const NIGHT_CLOCK_MS = 30_000;

/**
 * Runs Telegram's movie nights on time: sends the poll a while before the
 * night (unless someone already did), closes the vote at the start time (or
 * calls the night off if there was never anything to vote on) and asks "how
 * was it?" after the film. The use cases let one caller win each step, so
 * several processes (or a command at the same moment) do each once. A poll
 * the night is not ready for yet (fewer than two people in) is tried again
 * on the next tick.
 */
export class NightClock {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly nights: NightActions,
    private readonly logger: Logger,
    private readonly intervalMs = NIGHT_CLOCK_MS,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    // The clock alone never keeps the process alive.
    this.timer.unref();
  }

  /** Stops ticking and waits for a tick under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One look at what is due (a tick still running is not doubled). */
  tick(): Promise<void> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<void> {
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

  private async step(nightId: number, what: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (err) {
      // Not ready (or someone else did it): the next tick tries again, quietly.
      if (err instanceof UserError) this.logger.debug({ nightId, code: err.code }, `movie night clock did not ${what}`);
      else this.logger.error({ err, nightId }, `movie night clock could not ${what}`);
    }
  }
}

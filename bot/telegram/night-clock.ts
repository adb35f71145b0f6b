import { closeMovieNight, dueMovieNights, UserError, type Logger } from '../../core/index.ts';
import type { NightActions } from './night-actions.ts';

/** How often the clock looks for nights with something due. */
export const NIGHT_CLOCK_MS = 30_000;

/**
 * Runs Telegram's movie nights on time: sends the poll a while before the
 * night (unless someone already did), closes the vote at the start time and
 * asks "how was it?" after the film. The use cases let one caller win each
 * step, so several processes (or a command at the same moment) do each once.
 * A step the night is not ready for (fewer than two people in, no votes) is
 * tried again on the next tick.
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
    for (const night of due.toVote) await this.step(night.id, 'send the poll', () => this.nights.sendVote(night.id));
    for (const night of due.toClose)
      await this.step(night.id, 'close the vote', async () => this.nights.announce(await closeMovieNight(deps, { nightId: night.id, mayManage: true })));
    for (const night of due.toFinish) await this.step(night.id, 'ask how it was', () => this.nights.askHowWasIt(night.id));
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

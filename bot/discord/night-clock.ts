import { cancelMovieNight, dueMovieNights, UserError, type Logger } from '../../core/index.ts';
import type { DiscordNights } from './night-actions.ts';

/** How often the clock looks for nights with something due. */
export const NIGHT_CLOCK_MS = 30_000;

/**
 * Runs this process's movie nights on time (those in channels its client
 * holds): closes the vote at the start time and asks "how was it?" after
 * the film. At the start time with no votes the group's top-scored film
 * wins (people are gathering and need one); with nothing to pick from
 * (fewer than two ever in) the night is called off, freeing the channel.
 * The use cases let one caller win each step, so a command at the same
 * moment does not double it.
 */
export class NightClock {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly nights: DiscordNights,
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
    const { deps, board } = this.nights;
    let due;
    try {
      due = await dueMovieNights(deps, 'discord');
    } catch (err) {
      return this.logger.error({ err }, 'movie night clock could not read what is due');
    }
    for (const night of due.toClose.filter((n) => this.nights.holds(n.channelId))) {
      await this.step(night.id, 'close the vote', async () => {
        try {
          const { text } = await this.nights.close(night.id, { mayManage: true, atDeadline: true }, this.nights.side.channel(night.channelId)?.guildId ?? null);
          await board.post(night.channelId, { content: text });
        } catch (err) {
          if (!(err instanceof UserError && err.code === 'NO_VOTES')) throw err;
          if (await cancelMovieNight(deps, night.id)) board.touch(night.id);
        }
      });
    }
    for (const night of due.toFinish.filter((n) => this.nights.holds(n.channelId))) {
      await this.step(night.id, 'ask how it was', async () => {
        const message = await this.nights.askHowWasIt(night.id);
        if (message) await board.post(night.channelId, message);
      });
    }
  }

  private async step(nightId: number, what: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (err) {
      // The next tick tries again.
      if (err instanceof UserError) this.logger.info({ nightId, code: err.code }, `movie night clock did not ${what}`);
      else this.logger.error({ err, nightId }, `movie night clock could not ${what}`);
    }
  }
}

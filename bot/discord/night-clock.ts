import { cancelMovieNight, dueMovieNights, UserError, type Logger } from '../../core/index.ts';
import { NIGHT_CLOCK_MS, NightTicker } from '../shared/night-ticker.ts';
import type { DiscordNights } from './night-actions.ts';

/**
 * Runs this process's movie nights on time (those in channels its client
 * holds): closes the vote at the start time and asks "how was it?" after
 * the film. At the start time with no votes the group's top-scored film
 * wins (people are gathering and need one); with nothing to pick from
 * (fewer than two ever in) the night is called off, freeing the channel.
 * The use cases let one caller win each step, so a command at the same
 * moment does not double it.
 */
export class NightClock extends NightTicker {
  constructor(
    private readonly nights: DiscordNights,
    logger: Logger,
    intervalMs = NIGHT_CLOCK_MS,
  ) {
    super(logger, intervalMs);
  }

  protected async run(): Promise<void> {
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
}

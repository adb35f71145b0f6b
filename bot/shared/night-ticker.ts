import { UserError, type Logger } from '../../core/index.ts';

/** How often a platform's movie night clock looks for nights with something due. */
export const NIGHT_CLOCK_MS = 30_000;

/**
 * The ticking half of a platform's movie night clock: an unref'd interval
 * (the clock alone never keeps the process alive), one tick at a time, and
 * each due step run on its own so one failing night does not stop the
 * others. A step refused with a UserError (not ready yet, or someone else
 * did it first) is tried again at the next tick, quietly; anything else is
 * logged as an error. Each platform says what is due in `run`.
 */
export abstract class NightTicker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    protected readonly logger: Logger,
    private readonly intervalMs = NIGHT_CLOCK_MS,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
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

  protected abstract run(): Promise<void>;

  protected async step(nightId: number, what: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (err) {
      if (err instanceof UserError) this.logger.debug({ nightId, code: err.code }, `movie night clock did not ${what}`);
      else this.logger.error({ err, nightId }, `movie night clock could not ${what}`);
    }
  }
}

// CommonJS: Node's ESM loader sees only its default export.
import cronParser from 'cron-parser';

/** The longest delay setTimeout keeps (about 24.8 days); a later occurrence is reached in hops. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Calls `tick` at each occurrence of a cron pattern (server time, parsed by
 * cron-parser as BullMQ's job scheduler does) from a single timer armed for
 * the next occurrence and re-armed after each. The timer is unref'd: it
 * never keeps a process alive. Occurrences missed while the process was
 * suspended collapse into one tick. For processes without Redis; with Redis
 * BullMQ's scheduler runs one job per tick however many processes there are.
 */
export class CronTimer {
  private timer: NodeJS.Timeout | undefined;
  private nextAt: number | null = null;

  constructor(
    private readonly pattern: string,
    private readonly tick: (at: Date) => void,
    /** The clock (tests fake it with the timers). */
    private readonly now: () => number = Date.now,
  ) {
    this.arm(this.now());
  }

  /** When the next tick is due; null once stopped. */
  get next(): Date | null {
    return this.nextAt === null ? null : new Date(this.nextAt);
  }

  /** Clears the timer: no tick after this, even one already due. */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.nextAt = null;
  }

  private arm(after: number): void {
    // next() is strictly after `after`: the occurrence that just fired is not fired again.
    this.nextAt = cronParser
      .parseExpression(this.pattern, { currentDate: new Date(after) })
      .next()
      .getTime();
    this.wait(this.nextAt);
  }

  private wait(at: number): void {
    this.timer = setTimeout(
      () => {
        if (this.nextAt !== at) return;
        // Woken before the occurrence (a hop of a long wait, or a timer a millisecond early): wait again.
        if (this.now() < at) return this.wait(at);
        try {
          this.tick(new Date(at));
        } finally {
          if (this.nextAt === at) this.arm(Math.max(at, this.now()));
        }
      },
      Math.min(Math.max(0, at - this.now()), MAX_DELAY_MS),
    );
    this.timer.unref();
  }
}

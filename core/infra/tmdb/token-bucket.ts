import { performance } from 'node:perf_hooks';

export interface TokenBucketOptions {
  /** Tokens added per second: the sustained request rate. */
  ratePerSecond: number;
  /** Tokens the bucket holds: how many requests may go at once after a quiet spell. */
  burst: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A client-side rate limiter: {@link take} resolves when a request may go.
 * In any window of T seconds at most `burst + ratePerSecond × T` requests
 * pass (30/s with a burst of 2: 32 in any second).
 * Callers are served in arrival order. {@link pauseUntil} holds everyone
 * back (a 429 means the whole key is over the limit, not one request).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private line: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0) || !(options.burst >= 1)) throw new RangeError('a token bucket needs a positive rate and a burst of at least 1');
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? sleep;
    this.tokens = options.burst;
    this.last = this.now();
  }

  /** Waits for a token (and for any pause to end), then spends it. */
  take(): Promise<void> {
    const turn = this.line.then(() => this.waitForToken());
    this.line = turn.catch(() => undefined);
    return turn;
  }

  /** No request passes before `time` (on this bucket's clock). */
  pauseUntil(time: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, time);
  }

  /** Milliseconds until the current pause ends (0: none). */
  pausedFor(): number {
    return Math.max(0, this.pausedUntil - this.now());
  }

  /** This bucket's clock, for {@link pauseUntil}. */
  clock(): number {
    return this.now();
  }

  private async waitForToken(): Promise<void> {
    for (;;) {
      const now = this.now();
      if (now < this.pausedUntil) {
        await this.sleep(this.pausedUntil - now);
        continue;
      }
      this.tokens = Math.min(this.options.burst, this.tokens + ((now - this.last) * this.options.ratePerSecond) / 1000);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(Math.max(1, Math.ceil(((1 - this.tokens) * 1000) / this.options.ratePerSecond)));
    }
  }
}

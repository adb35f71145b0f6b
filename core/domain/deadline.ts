/**
 * How long a person waits for an answer before being told to try again.
 * The promise is "within 5 s"; what is left over is for sending the apology
 * (a busy event loop fires timers late, and the reply is one more API call).
 */
export const ANSWER_DEADLINE_MS = 3_500;

/** An answer was not ready in time (the database may be unreachable): the person is told to try again. */
export class DeadlineExceededError extends Error {
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`${what} took longer than ${ms} ms`);
    this.name = 'DeadlineExceededError';
  }
}

/**
 * Settles as `work` does, or rejects with DeadlineExceededError after `ms`,
 * whichever comes first. The work itself is not cancelled (a query already
 * sent cannot be); it finishes or fails on its own, and a late failure is
 * already handled here, so it never becomes an unhandled rejection.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what = 'answer'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceededError(what, ms)), ms);
    // The work holds the process open if it must; the deadline alone never does.
    timer.unref();
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

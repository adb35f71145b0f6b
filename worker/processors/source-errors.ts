import { BadJobError, MovieSourceError, RetryLaterError } from '../../core/index.ts';

/**
 * A TMDB failure as the job runner should treat it: a 429 whose wait is
 * known waits that long (RetryLaterError); down or timing out is retried with
 * backoff (thrown as is); a refused key or request fails the job at once
 * (BadJobError): retrying cannot fix the configuration, and the stores keep
 * the work due for the next scheduled run.
 */
export function asJobError(err: unknown): unknown {
  if (!(err instanceof MovieSourceError)) return err;
  if (err.kind === 'rate_limited') return new RetryLaterError(err.message, err.details.retryAfterMs ?? 1_000);
  if (err.retryable) return err;
  return new BadJobError(err.message);
}

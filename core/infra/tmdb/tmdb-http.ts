import type { z } from 'zod';
import { MovieSourceError } from '../../domain/ports/movie-details.source.ts';
import { describeIssues } from './tmdb-schemas.ts';
import type { TokenBucket } from './token-bucket.ts';

export interface TmdbHttpOptions {
  /** The v3 root, without a trailing slash. */
  apiUrl: string;
  /** Sent as `api_key`. */
  apiKey?: string;
  /** Sent as `Authorization: Bearer`; preferred when both are set (it stays out of URLs). */
  accessToken?: string;
  limiter: TokenBucket;
  fetch: typeof globalThis.fetch;
  /** Per attempt, headers and body included. */
  timeoutMs: number;
  /** How many times a 429 is waited out and retried before giving up. */
  maxRetries: number;
  /** A Retry-After longer than this is not waited out here: the caller (a job) is told to come back later. */
  maxRetryWaitMs: number;
}

type Params = Record<string, string | number | undefined>;

/** What a request is for, as errors name it (`movie 603`), and the film it concerns, if one. */
export interface Subject {
  what: string;
  tmdbId?: number;
}

/**
 * GETs `path` below the v3 root through the rate limiter and returns the
 * JSON body validated by `schema`, or null for TMDB's "not found". A 429 pauses every
 * request of this limiter for its Retry-After, then this one is retried, a
 * bounded number of times. Other failures become a {@link MovieSourceError}
 * whose message names what was asked, never the credentials.
 */
export async function tmdbGet<S extends z.ZodTypeAny>(
  options: TmdbHttpOptions,
  path: string,
  params: Params,
  schema: S,
  subject: Subject,
): Promise<z.output<S> | null> {
  const body = await getJson(options, path, params, subject);
  if (body === null) return null;
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new MovieSourceError('malformed', `TMDB's answer for ${subject.what} is not the documented shape: ${describeIssues(parsed.error)}`, {
      tmdbId: subject.tmdbId,
    });
  }
  return parsed.data;
}

async function getJson(options: TmdbHttpOptions, path: string, params: Params, { what, tmdbId }: Subject): Promise<unknown> {
  const url = new URL(`${options.apiUrl}/${path}`);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, String(value));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.accessToken) headers.authorization = `Bearer ${options.accessToken}`;
  else if (options.apiKey) url.searchParams.set('api_key', options.apiKey);

  for (let attempt = 0; ; attempt++) {
    // An earlier 429 asked for a longer wait than a request may spend here: fail now, the caller comes back later.
    const paused = options.limiter.pausedFor();
    if (paused > options.maxRetryWaitMs) throw rateLimited(what, paused, '', tmdbId);
    await options.limiter.take();
    const signal = AbortSignal.timeout(options.timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await options.fetch(url, { headers, signal });
      text = await res.text();
    } catch (err) {
      throw unreachable(err, { what, tmdbId }, options.timeoutMs);
    }
    if (res.ok) {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new MovieSourceError('malformed', `TMDB's answer for ${what} is not JSON (${text.length} bytes: ${JSON.stringify(text.slice(0, 40))}…)`, {
          tmdbId,
        });
      }
    }
    const { code, reason } = tmdbStatus(text);
    // TMDB's "not found" (34, or 6 for an invalid id); a 404 without it came from something else (a wrong TMDB_API_URL), not about a film.
    if (res.status === 404 && (code === 34 || code === 6)) return null;
    if (res.status === 429) {
      const waitMs = retryAfterMs(res.headers.get('retry-after')) ?? 1000 * 2 ** attempt;
      options.limiter.pauseUntil(options.limiter.clock() + waitMs);
      if (attempt < options.maxRetries && waitMs <= options.maxRetryWaitMs) continue;
      throw rateLimited(what, waitMs, reason, tmdbId);
    }
    if (res.status === 401) throw new MovieSourceError('unauthorized', `TMDB refused the API key or token for ${what}${reason}`, { status: 401, tmdbId });
    const kind = res.status >= 500 ? 'unavailable' : 'rejected';
    const hint = res.status === 404 ? ': is TMDB_API_URL the v3 root?' : '';
    throw new MovieSourceError(kind, `TMDB answered ${res.status} for ${what}${reason}${hint}`, { status: res.status, tmdbId });
  }
}

/** TMDB's status_code and its own words from an error body (` (7: Invalid API key: …)`), or nothing. */
function tmdbStatus(text: string): { code: unknown; reason: string } {
  try {
    const body = JSON.parse(text) as { status_code?: unknown; status_message?: unknown };
    const reason = typeof body.status_message === 'string' ? ` (${String(body.status_code ?? '?')}: ${body.status_message.slice(0, 200)})` : '';
    return { code: body.status_code, reason };
  } catch {
    // Not JSON (a proxy's error page): the HTTP status says enough.
    return { code: undefined, reason: '' };
  }
}

/** Retry-After in milliseconds: seconds, or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\s*\d+(\.\d+)?\s*$/.test(header)) return Math.round(Number(header) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function rateLimited(what: string, waitMs: number, reason: string, tmdbId: number | undefined): MovieSourceError {
  return new MovieSourceError('rate_limited', `TMDB is rate-limiting ${what} (retry after ${Math.ceil(waitMs / 1000)} s)${reason}`, {
    status: 429,
    retryAfterMs: waitMs,
    tmdbId,
  });
}

function unreachable(err: unknown, { what, tmdbId }: Subject, timeoutMs: number): MovieSourceError {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } } | null;
  if (e?.name === 'TimeoutError') return new MovieSourceError('unavailable', `TMDB did not answer ${what} within ${timeoutMs} ms`, { tmdbId });
  const cause = [e?.cause?.code, e?.cause?.message ?? e?.message ?? String(err)].filter(Boolean).join(': ');
  return new MovieSourceError('unavailable', `TMDB is unreachable for ${what} (${cause})`, { tmdbId });
}

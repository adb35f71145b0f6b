import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTmdb } from '../../../test/support/fake-tmdb.ts';
import { MovieSourceError } from '../../domain/ports/movie-details.source.ts';
import { TmdbClient, type TmdbClientOptions } from './tmdb-client.ts';

/** What the client does when TMDB refuses, throttles, falls over or talks nonsense: a clear, typed error, fast. */
describe('TmdbClient when TMDB fails', () => {
  let fake: FakeTmdb;
  const client = (options: Partial<TmdbClientOptions> = {}) => new TmdbClient({ apiUrl: fake.apiUrl, apiKey: fake.apiKey, ...options });
  const failure = async (work: Promise<unknown>): Promise<MovieSourceError> => {
    const err = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MovieSourceError);
    const e = err as MovieSourceError;
    // Whatever went wrong, the message may be logged: it never carries the credentials.
    expect(e.message).not.toContain(fake.apiKey);
    expect(e.message).not.toContain(fake.accessToken);
    return e;
  };
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const start = performance.now();
    const result = await work();
    return [result, performance.now() - start];
  };

  beforeEach(async () => {
    fake = new FakeTmdb();
    await fake.start();
  });
  afterEach(() => fake.stop());

  it('401 (status 7): a wrong key or token is unauthorized, not retried', async () => {
    for (const tmdb of [client({ apiKey: 'not-the-key' }), client({ apiKey: undefined, accessToken: 'eyJ.wrong.token' })]) {
      const err = await failure(tmdb.details(603));
      expect(err).toMatchObject({ kind: 'unauthorized', retryable: false, details: { status: 401, tmdbId: 603 } });
      expect(err.message).toContain('Invalid API key: You must be granted a valid key.');
    }
    expect(fake.requests.map((r) => [r.auth, r.status])).toEqual([
      ['api_key', 401],
      ['bearer', 401],
    ]);
  });

  it('429: waits out Retry-After, then the same request succeeds', async () => {
    fake.retryAfterSeconds = 1;
    fake.rateLimitNext(1);
    const [film, ms] = await timed(() => client().details(603));
    expect(film?.title).toBe('The Matrix');
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
    const gap = fake.requests[1]!.at - fake.requests[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(995);
    expect(ms).toBeGreaterThanOrEqual(995);
    expect(ms).toBeLessThan(2500);
  });

  it('429: the wait holds back every request of the client, not only the throttled one', async () => {
    fake.retryAfterSeconds = 1;
    fake.rateLimitNext(1);
    const tmdb = client();
    const first = tmdb.details(603);
    await new Promise((r) => setTimeout(r, 100));
    const second = tmdb.details(862);
    await Promise.all([first, second]);
    const throttledAt = fake.requests[0]!.at;
    expect(fake.requests[0]!.status).toBe(429);
    // Nothing reached TMDB during the second after the 429.
    expect(fake.requests.slice(1).every((r) => r.at - throttledAt >= 995)).toBe(true);
    expect(fake.count()).toBe(3);
  });

  it('429 that does not end: gives up after the allowed retries with rate_limited and the wait asked for', async () => {
    fake.mode = 'rate-limited';
    fake.retryAfterSeconds = 1;
    const [err, ms] = await timed(() => failure(client({ maxRetries: 1 }).details(603)));
    expect(err).toMatchObject({ kind: 'rate_limited', retryable: true, details: { status: 429, retryAfterMs: 1000, tmdbId: 603 } });
    expect(err.message).toContain('over the allowed limit of (40)');
    expect(fake.count()).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(995);
  });

  it('429 with a long Retry-After: fails at once, and sends nothing more until it has passed', async () => {
    fake.retryAfterSeconds = 120;
    fake.rateLimitNext(1);
    const tmdb = client();
    const [err, ms] = await timed(() => failure(tmdb.details(603)));
    expect(err).toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 120_000 } });
    expect(ms).toBeLessThan(500);
    const again = await failure(tmdb.details(862));
    expect(again.kind).toBe('rate_limited');
    expect(again.details.retryAfterMs).toBeGreaterThan(119_000);
    expect(fake.count()).toBe(1);
  });

  it('a 404 that is not TMDB’s "not found" is a wrong address, not a missing film', async () => {
    const err = await failure(new TmdbClient({ apiUrl: fake.apiUrl.replace(/\/3$/, '/v3'), apiKey: fake.apiKey }).details(603));
    expect(err).toMatchObject({ kind: 'rejected', retryable: false, details: { status: 404 } });
    expect(err.message).toContain('is TMDB_API_URL the v3 root?');
  });

  it('down (connection refused): unavailable and retryable, at once', async () => {
    await fake.down();
    const [err, ms] = await timed(() => failure(client().details(603)));
    expect(err).toMatchObject({ kind: 'unavailable', retryable: true, details: { tmdbId: 603 } });
    expect(err.message).toMatch(/TMDB is unreachable for movie 603 \(ECONNREFUSED/);
    expect(ms).toBeLessThan(1000);
    await fake.up();
    expect((await client().details(603))?.title).toBe('The Matrix');
  });

  it('503: unavailable, with TMDB’s own words', async () => {
    fake.mode = 'unavailable';
    const err = await failure(client().trending());
    expect(err).toMatchObject({ kind: 'unavailable', retryable: true, details: { status: 503 } });
    expect(err.message).toBe(
      "TMDB answered 503 for this week's trending films (page 1) (9: Service offline: This service is temporarily offline, try again later.)",
    );
  });

  it('no answer in time: unavailable after the timeout, not after TMDB’s delay', async () => {
    fake.delayMs = 2000;
    const [err, ms] = await timed(() => failure(client({ timeoutMs: 200 }).details(603)));
    expect(err).toMatchObject({ kind: 'unavailable', message: 'TMDB did not answer movie 603 within 200 ms' });
    expect(ms).toBeLessThan(1000);
  });

  it('a body that is not JSON is malformed, named, and not worth retrying', async () => {
    fake.mode = 'malformed';
    const err = await failure(client().details(603));
    expect(err).toMatchObject({ kind: 'malformed', retryable: false, details: { tmdbId: 603 } });
    expect(err.message).toMatch(/^TMDB's answer for movie 603 is not JSON/);
  });

  it('a record of the wrong shape is rejected with the fields at fault; in a list it is skipped and named', async () => {
    fake.breakMovie(1233413);
    const err = await failure(client().details(1233413));
    expect(err).toMatchObject({ kind: 'malformed', details: { tmdbId: 1233413 } });
    expect(err.message).toBe(
      "TMDB's answer for movie 1233413 is not the documented shape: title: Invalid input: expected string, received number; release_date: Invalid ISO date",
    );

    const page = await client().recent({ from: '2025-01-01', to: '2025-12-31' });
    expect(page.movies.map((m) => m.title)).toEqual(['One Battle After Another', 'Weapons']);
    expect(page.skipped).toEqual([{ index: 2, tmdbId: 1233413, reason: expect.stringMatching(/record 2: title: .*expected string/) }]);
    expect(page.totalResults).toBe(3);
  });
});

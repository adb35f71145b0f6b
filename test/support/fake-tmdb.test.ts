import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTmdb } from './fake-tmdb.ts';

/** The fake speaks TMDB's documented JSON, so what passes against it should pass against TMDB. */
describe('FakeTmdb', () => {
  const fake = new FakeTmdb();
  const get = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${fake.apiUrl}/${path}`, init);
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Record<string, unknown> };
  };
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  it('answers 401 with status_code 7 without a valid key or token', async () => {
    const expected = {
      status: 401,
      retryAfter: null,
      body: { status_code: 7, status_message: 'Invalid API key: You must be granted a valid key.', success: false },
    };
    expect(await get('movie/603')).toEqual(expected);
    expect(await get('movie/603?api_key=wrong')).toEqual(expected);
    expect(await get('movie/603', { headers: { authorization: 'Bearer wrong' } })).toEqual(expected);
    expect((await get('movie/603', { headers: { authorization: `Bearer ${fake.accessToken}` } })).status).toBe(200);
  });

  it('appends videos and watch/providers only when asked, and 404s (status 34) an unknown id', async () => {
    const plain = await get(`movie/603?api_key=${fake.apiKey}`);
    expect(plain.body).toMatchObject({
      id: 603,
      title: 'The Matrix',
      imdb_id: 'tt0133093',
      genres: [
        { id: 28, name: 'Action' },
        { id: 878, name: 'Science Fiction' },
      ],
    });
    expect(plain.body).not.toHaveProperty('videos');
    const full = await get(`movie/603?api_key=${fake.apiKey}&append_to_response=videos,watch/providers`);
    expect(full.body).toHaveProperty('videos.results');
    expect(full.body).toHaveProperty(['watch/providers', 'results', 'US', 'flatrate']);
    expect(await get(`movie/1?api_key=${fake.apiKey}`)).toEqual({
      status: 404,
      retryAfter: null,
      body: { status_code: 34, status_message: 'The resource you requested could not be found.', success: false },
    });
  });

  it('429s with Retry-After and status_code 25 when told to, then recovers', async () => {
    fake.rateLimitNext(1);
    fake.retryAfterSeconds = 3;
    expect(await get(`configuration?api_key=${fake.apiKey}`)).toEqual({
      status: 429,
      retryAfter: '3',
      body: { status_code: 25, status_message: 'Your request count (#) is over the allowed limit of (40).' },
    });
    expect((await get(`configuration?api_key=${fake.apiKey}`)).body).toHaveProperty('images.secure_base_url', 'https://image.tmdb.org/t/p/');
  });

  it('refuses a page outside 1–500 (status 22) and counts every request', async () => {
    expect((await get(`discover/movie?api_key=${fake.apiKey}&page=0`)).body).toMatchObject({ status_code: 22 });
    expect(fake.count('discover/movie')).toBe(1);
    expect(fake.count()).toBe(fake.requests.length);
  });
});

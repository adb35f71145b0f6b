import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTmdb, NEW_2025_FILM, FAKE_TMDB_MOVIES, syntheticMovies } from '../../../test/support/fake-tmdb.ts';
import { posterUrl } from '../../domain/movie-details/poster-url.ts';
import { TmdbClient } from './tmdb-client.ts';

/** The client against the loopback fake TMDB: what it reads from the documented answers. */
describe('TmdbClient', () => {
  let fake: FakeTmdb;
  let tmdb: TmdbClient;

  beforeEach(async () => {
    fake = new FakeTmdb([...FAKE_TMDB_MOVIES, ...syntheticMovies(45, '2026-11-01', '2026-11-30')]);
    await fake.start();
    tmdb = new TmdbClient({ apiUrl: fake.apiUrl, apiKey: fake.apiKey });
  });
  afterEach(() => fake.stop());

  it('reads a film, its official trailer and its providers per region in one request', async () => {
    const matrix = await tmdb.details(603);
    expect(matrix).toEqual({
      tmdbId: 603,
      title: 'The Matrix',
      originalTitle: 'The Matrix',
      overview: expect.stringMatching(/^A hacker learns/),
      runtime: 136,
      releaseDate: '1999-03-31',
      year: 1999,
      posterPath: '/the-matrix.jpg',
      genres: ['Action', 'Science Fiction'],
      imdbId: 133093,
      // The newest official Trailer: not the newer fan upload, teaser or clip, nor the Vimeo copy.
      trailerKey: 'matrix4kTr1',
      providers: {
        US: {
          link: 'https://www.themoviedb.org/movie/603-the-matrix/watch?locale=US',
          flatrate: ['Netflix', 'Max'],
          free: [],
          ads: [],
          rent: ['Apple TV', 'Amazon Video'],
          buy: ['Apple TV', 'Amazon Video'],
        },
        GB: expect.objectContaining({ flatrate: ['Netflix'], buy: ['Apple TV'], rent: [] }),
        DE: expect.objectContaining({ flatrate: ['WOW'], ads: ['Pluto TV'] }),
      },
    });
    expect(fake.requests).toEqual([expect.objectContaining({ path: 'movie/603', auth: 'api_key', status: 200 })]);
    expect(fake.requests[0]!.query.append_to_response).toBe('videos,watch/providers');
  });

  it('knows the 2025 film MovieLens lacks', async () => {
    const film = await tmdb.details(NEW_2025_FILM.id);
    expect(film).toMatchObject({ title: 'One Battle After Another', year: 2025, runtime: 162, trailerKey: 'obaaTrailr2' });
    expect(film!.providers.US!.flatrate).toEqual(['Max']);
  });

  it('gives nulls, not empty strings or zeros, where TMDB has nothing yet; no trailer when only clips or Vimeo exist', async () => {
    expect(await tmdb.details(1400001)).toEqual({
      tmdbId: 1400001,
      title: 'Untitled Lighthouse Project',
      originalTitle: 'Untitled Lighthouse Project',
      overview: null,
      runtime: null,
      releaseDate: null,
      year: null,
      posterPath: null,
      genres: [],
      imdbId: null,
      trailerKey: null,
      providers: {},
    });
    const fightClub = await tmdb.details(550);
    expect(fightClub).toMatchObject({ trailerKey: null, providers: { DE: { flatrate: ['Netflix'], free: ['Pluto TV'] } } });
    expect(Object.keys(fightClub!.providers)).toEqual(['DE']);
  });

  it('answers null for an id TMDB does not know (404, status 34)', async () => {
    expect(await tmdb.details(999_999)).toBeNull();
    expect(fake.requests.map((r) => r.status)).toEqual([404]);
  });

  it('pages through recent releases, honouring the date window and the order', async () => {
    const window = { from: '2026-11-01', to: '2026-11-30' };
    const pages = [await tmdb.recent(window), await tmdb.recent({ ...window, page: 2 }), await tmdb.recent({ ...window, page: 3 })];
    expect(pages.map((p) => [p.page, p.movies.length, p.totalPages, p.totalResults])).toEqual([
      [1, 20, 3, 45],
      [2, 20, 3, 45],
      [3, 5, 3, 45],
    ]);
    const ids = pages.flatMap((p) => p.movies.map((m) => m.tmdbId));
    expect(new Set(ids)).toEqual(new Set(syntheticMovies(45, window.from, window.to).map((m) => m.id)));
    const popularity = pages[0]!.movies.map((m) => m.popularity);
    expect(popularity).toEqual([...popularity].sort((a, b) => b - a));
    expect(pages[0]!.movies[0]).toMatchObject({
      year: 2026,
      releaseDate: expect.stringMatching(/^2026-11-/),
      posterPath: expect.stringMatching(/^\/synthetic-/),
    });
    expect(fake.requests[0]!.query).toMatchObject({
      'primary_release_date.gte': '2026-11-01',
      'primary_release_date.lte': '2026-11-30',
      sort_by: 'popularity.desc',
    });

    const newest = await tmdb.recent({ ...window, order: 'newest' });
    const days = newest.movies.map((m) => m.releaseDate!);
    expect(days).toEqual([...days].sort().reverse());
    expect(days[0]).toBe('2026-11-30');

    const in2025 = await tmdb.recent({ from: '2025-01-01', to: '2025-12-31' });
    expect(in2025.movies.map((m) => m.title)).toEqual(['One Battle After Another', 'Weapons', 'Sinners']);
  });

  it("pages through this week's trending films", async () => {
    fake.trendingIds = [NEW_2025_FILM.id, ...syntheticMovies(24, '2026-11-01', '2026-11-30').map((m) => m.id)];
    const [first, second] = [await tmdb.trending(), await tmdb.trending(2)];
    expect([first.totalPages, first.totalResults, first.movies.length, second.movies.length]).toEqual([2, 25, 20, 5]);
    expect(first.movies[0]).toMatchObject({ tmdbId: NEW_2025_FILM.id, title: 'One Battle After Another', year: 2025 });
    expect(fake.requests.map((r) => r.path)).toEqual(['trending/movie/week', 'trending/movie/week']);
  });

  it("lists a region's services in that region's order", async () => {
    expect((await tmdb.watchProviders('de')).map((p) => p.name)).toEqual([
      'Netflix',
      'Amazon Prime Video',
      'Disney Plus',
      'Apple TV',
      'Amazon Video',
      'WOW',
      'Pluto TV',
    ]);
    expect((await tmdb.watchProviders('GB')).map((p) => p.providerId)).toEqual([8, 9, 337, 2, 10]);
    expect(fake.requests.map((r) => r.query.watch_region)).toEqual(['DE', 'GB']);
    await expect(tmdb.watchProviders('UK')).rejects.toThrow(RangeError);
  });

  it('builds poster URLs from the configuration, asked once', async () => {
    fake.imageBase = 'https://images.example.test/t/p/';
    const config = await tmdb.imageConfig();
    await tmdb.imageConfig();
    expect(fake.count('configuration')).toBe(1);
    expect(posterUrl(config, '/the-matrix.jpg')).toBe('https://images.example.test/t/p/w342/the-matrix.jpg');
    expect(posterUrl(config, '/the-matrix.jpg', 92)).toBe('https://images.example.test/t/p/w92/the-matrix.jpg');
    expect(posterUrl(config, '/the-matrix.jpg', 2000)).toBe('https://images.example.test/t/p/original/the-matrix.jpg');
  });

  it('keeps serving the last configuration while TMDB is down', async () => {
    const client = new TmdbClient({ apiUrl: fake.apiUrl, apiKey: fake.apiKey, imageConfigTtlMs: 0 });
    const config = await client.imageConfig();
    await fake.down();
    expect(await client.imageConfig()).toEqual(config);
    const fresh = new TmdbClient({ apiUrl: fake.apiUrl, apiKey: fake.apiKey });
    await expect(fresh.imageConfig()).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('sends the read access token as a Bearer header, never in the URL', async () => {
    const client = new TmdbClient({ apiUrl: fake.apiUrl, accessToken: fake.accessToken });
    expect((await client.details(862))?.title).toBe('Toy Story');
    expect(fake.requests[0]).toMatchObject({ auth: 'bearer', status: 200 });
    expect(fake.requests[0]!.query).not.toHaveProperty('api_key');
  });
});

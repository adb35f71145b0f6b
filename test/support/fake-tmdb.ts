import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { FAKE_PROVIDERS, FAKE_TMDB_MOVIES, FAKE_TRENDING_IDS, type FakeTmdbMovie } from './fake-tmdb-data.ts';

export { NEW_2025_FILM, FAKE_TMDB_MOVIES, syntheticMovies, video, offer, type FakeTmdbMovie } from './fake-tmdb-data.ts';

/**
 * How the fake answers: `ok`; `rate-limited` (every request: 429 with
 * Retry-After and status_code 25); `unavailable` (503, status_code 9);
 * `malformed` (200 with a body cut off mid-JSON, as a broken proxy sends).
 * For "connection refused" see {@link FakeTmdb.down}.
 */
export type FakeTmdbMode = 'ok' | 'rate-limited' | 'unavailable' | 'malformed';

export interface TmdbRequest {
  /** Below the v3 root, without a leading slash: `movie/603`, `discover/movie`. */
  path: string;
  query: Record<string, string>;
  auth: 'api_key' | 'bearer' | null;
  status: number;
  /** performance.now() on arrival. */
  at: number;
}

const PAGE_SIZE = 20;
const ERRORS = {
  auth: { status_code: 7, status_message: 'Invalid API key: You must be granted a valid key.', success: false },
  notFound: { status_code: 34, status_message: 'The resource you requested could not be found.', success: false },
  rateLimited: { status_code: 25, status_message: 'Your request count (#) is over the allowed limit of (40).' },
  offline: { status_code: 9, status_message: 'Service offline: This service is temporarily offline, try again later.', success: false },
  badPage: { status_code: 22, status_message: 'Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.', success: false },
};
const SORT_FIELDS: Record<string, keyof FakeTmdbMovie> = {
  popularity: 'popularity',
  primary_release_date: 'release_date',
  title: 'title',
  original_title: 'original_title',
  vote_average: 'vote_average',
  vote_count: 'vote_count',
};

/**
 * A loopback stand-in for TMDB's v3 API (`${apiUrl}/movie/603?api_key=…`):
 * configuration, movie details with `append_to_response=videos,watch/providers`,
 * discover/movie, trending/movie/{day|week} and watch/providers/movie, in the
 * documented JSON, with TMDB's 401/404/429 bodies. Every request is recorded.
 */
export class FakeTmdb {
  readonly apiKey = 'fake-tmdb-v3-key';
  readonly accessToken = 'eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJmYWtlIn0.fake-signature';
  readonly requests: TmdbRequest[] = [];
  mode: FakeTmdbMode = 'ok';
  /** Sent as Retry-After (seconds) with every 429. */
  retryAfterSeconds = 1;
  /** Held before answering, to make a client time out. */
  delayMs = 0;
  /** `configuration`'s secure_base_url. */
  imageBase = 'https://image.tmdb.org/t/p/';
  trendingIds: number[] = [...FAKE_TRENDING_IDS];
  apiUrl = '';
  private readonly movies = new Map<number, FakeTmdbMovie>();
  private readonly broken = new Set<number>();
  private limitNext = 0;
  private server!: Server;
  private port = 0;

  constructor(movies: readonly FakeTmdbMovie[] = FAKE_TMDB_MOVIES) {
    this.add(...movies);
  }

  async start(): Promise<void> {
    await this.listen(0);
    this.apiUrl = `http://127.0.0.1:${this.port}/3`;
  }

  async stop(): Promise<void> {
    if (!this.server.listening) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Stops listening: connections are refused until {@link up}. */
  down(): Promise<void> {
    return this.stop();
  }

  /** Listens again on the same port. */
  up(): Promise<void> {
    return this.listen(this.port);
  }

  add(...movies: FakeTmdbMovie[]): void {
    for (const m of movies) this.movies.set(m.id, m);
  }

  /** The film's record breaks the documented shape (a title that is a number, a date that is not one) wherever it appears. */
  breakMovie(id: number): void {
    this.broken.add(id);
  }

  /** The next `n` requests get a 429, then the fake answers normally. */
  rateLimitNext(n: number): void {
    this.limitNext = n;
  }

  /** Requests whose path starts with `prefix` (all without one). */
  count(prefix = ''): number {
    return this.requests.filter((r) => r.path.startsWith(prefix)).length;
  }

  private listen(port: number): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    return new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/^\/3\//, '');
    const query = Object.fromEntries(url.searchParams);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const auth = bearer !== undefined ? 'bearer' : query.api_key !== undefined ? 'api_key' : null;
    const record: TmdbRequest = { path, query, auth, status: 0, at: performance.now() };
    this.requests.push(record);
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));

    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (this.limitNext > 0 || this.mode === 'rate-limited') {
      this.limitNext = Math.max(0, this.limitNext - 1);
      return send(429, ERRORS.rateLimited, { 'retry-after': String(this.retryAfterSeconds) });
    }
    if (this.mode === 'unavailable') return send(503, ERRORS.offline);
    if (bearer !== this.accessToken && query.api_key !== this.apiKey) return send(401, ERRORS.auth);
    if (this.mode === 'malformed') return send(200, '{"id": 603, "title": "The Mat');
    // Outside the v3 root answers the web server, not the API (a wrong TMDB_API_URL).
    if (!url.pathname.startsWith('/3/')) return send(404, '<html><body>Not Found</body></html>', { 'content-type': 'text/html' });
    const [status, body] = this.route(path, query);
    send(status, body);
  }

  private route(path: string, q: Record<string, string>): [number, unknown] {
    if (path === 'configuration') return [200, this.configuration()];
    if (path === 'discover/movie') return this.discover(q);
    if (/^trending\/movie\/(day|week)$/.test(path)) {
      const trending = this.trendingIds.flatMap((id) => this.movies.get(id) ?? []);
      return this.page(trending, q, { media_type: 'movie' });
    }
    if (path === 'watch/providers/movie') return [200, { results: this.providerList(q.watch_region) }];
    const m = /^movie\/(\d+)(?:\/(videos|watch\/providers))?$/.exec(path);
    const movie = m && this.movies.get(Number(m[1]));
    if (!m || !movie) return [404, ERRORS.notFound];
    if (m[2] === 'videos') return [200, { id: movie.id, ...movie.videos }];
    if (m[2] === 'watch/providers') return [200, { id: movie.id, ...movie['watch/providers'] }];
    const appended = new Set((q.append_to_response ?? '').split(',').map((s) => s.trim()));
    const { videos, 'watch/providers': providers, ...details } = this.shaped(movie);
    return [200, { ...details, ...(appended.has('videos') ? { videos } : {}), ...(appended.has('watch/providers') ? { 'watch/providers': providers } : {}) }];
  }

  private configuration() {
    return {
      images: {
        base_url: this.imageBase.replace(/^https:/, 'http:'),
        secure_base_url: this.imageBase,
        backdrop_sizes: ['w300', 'w780', 'w1280', 'original'],
        logo_sizes: ['w45', 'w92', 'w154', 'w185', 'w300', 'w500', 'original'],
        poster_sizes: ['w92', 'w154', 'w185', 'w342', 'w500', 'w780', 'original'],
        profile_sizes: ['w45', 'w185', 'h632', 'original'],
        still_sizes: ['w92', 'w185', 'w300', 'original'],
      },
      change_keys: ['adult', 'genres', 'images', 'overview', 'release_dates', 'runtime', 'title', 'videos'],
    };
  }

  private discover(q: Record<string, string>): [number, unknown] {
    const gte = q['primary_release_date.gte'];
    const lte = q['primary_release_date.lte'];
    const films = [...this.movies.values()].filter(
      (m) => (!gte && !lte) || (m.release_date !== '' && (!gte || m.release_date >= gte) && (!lte || m.release_date <= lte)),
    );
    const [field, direction] = (q.sort_by ?? 'popularity.desc').split('.');
    const key = SORT_FIELDS[field ?? ''] ?? 'popularity';
    const sign = direction === 'asc' ? 1 : -1;
    films.sort((a, b) => {
      const [x, y] = [a[key] ?? '', b[key] ?? ''];
      return (x < y ? -1 : x > y ? 1 : a.id - b.id) * sign;
    });
    return this.page(films, q);
  }

  private page(films: FakeTmdbMovie[], q: Record<string, string>, extra: Record<string, unknown> = {}): [number, unknown] {
    const page = q.page === undefined ? 1 : Number(q.page);
    if (!Number.isInteger(page) || page < 1 || page > 500) return [400, ERRORS.badPage];
    const results = films.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((m) => {
      const s = this.shaped(m);
      return {
        adult: s.adult,
        backdrop_path: s.backdrop_path,
        genre_ids: s.genres.map((g) => g.id),
        id: s.id,
        original_language: s.original_language,
        original_title: s.original_title,
        overview: s.overview,
        popularity: s.popularity,
        poster_path: s.poster_path,
        release_date: s.release_date,
        title: s.title,
        video: s.video,
        vote_average: s.vote_average,
        vote_count: s.vote_count,
        ...extra,
      };
    });
    return [200, { page, results, total_pages: Math.max(1, Math.ceil(films.length / PAGE_SIZE)), total_results: films.length }];
  }

  private providerList(region: string | undefined) {
    return FAKE_PROVIDERS.filter((p) => !region || region in p.display_priorities)
      .map((p) => ({ ...p, display_priorities: { ...p.display_priorities } }))
      .sort((a, b) => a.display_priority - b.display_priority);
  }

  /** The record as sent: a broken film gets a numeric title and a date that is not one. */
  private shaped(movie: FakeTmdbMovie): FakeTmdbMovie {
    if (!this.broken.has(movie.id)) return movie;
    return { ...movie, title: 12345 as unknown as string, release_date: 'someday' };
  }
}

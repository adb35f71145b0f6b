import { normalizeRegion } from '../../domain/movie-details/regions.ts';
import {
  MovieSourceError,
  type ImageConfig,
  type MovieDetails,
  type MovieDetailsSource,
  type MoviePage,
  type RecentQuery,
  type SkippedRecord,
  type WatchProvider,
} from '../../domain/ports/movie-details.source.ts';
import { tmdbGet, type TmdbHttpOptions } from './tmdb-http.ts';
import {
  configurationSchema,
  describeIssues,
  listedMovieSchema,
  movieDetailsSchema,
  pageSchema,
  providerCatalogSchema,
  toImageConfig,
  toListedMovie,
  toMovieDetails,
  toWatchProviders,
} from './tmdb-schemas.ts';
import { TokenBucket } from './token-bucket.ts';

export interface TmdbClientOptions {
  /** The v3 root (TMDB_API_URL). */
  apiUrl: string;
  apiKey?: string;
  accessToken?: string;
  fetch?: typeof globalThis.fetch;
  /** Per attempt; default 10 s. */
  timeoutMs?: number;
  /** 429s waited out per request; default 3. */
  maxRetries?: number;
  /** The longest Retry-After waited out here; default 30 s. */
  maxRetryWaitMs?: number;
  /**
   * Default 30 requests/s with a burst of 2: at most 32 leave in any second, so
   * network jitter that bunches their arrival still keeps them under TMDB's ~40/s.
   */
  ratePerSecond?: number;
  burst?: number;
  /** How long the image configuration is remembered; default a day. */
  imageConfigTtlMs?: number;
  now?: () => number;
}

const YMD = /^\d{4}-\d{2}-\d{2}$/;

/**
 * TMDB's v3 API as a {@link MovieDetailsSource}: one rate-limited request per
 * call (details come with videos and watch providers appended), every answer
 * validated before it is used. One client per process: its limiter is what
 * keeps the process under TMDB's rate.
 */
export class TmdbClient implements MovieDetailsSource {
  private readonly http: TmdbHttpOptions;
  private readonly now: () => number;
  private images: { config: ImageConfig; until: number } | null = null;

  constructor(private readonly options: TmdbClientOptions) {
    if (!options.apiKey && !options.accessToken) throw new Error('TMDB needs an API key or a read access token');
    this.now = options.now ?? Date.now;
    this.http = {
      apiUrl: options.apiUrl.replace(/\/+$/, ''),
      apiKey: options.apiKey,
      accessToken: options.accessToken,
      fetch: options.fetch ?? globalThis.fetch,
      timeoutMs: options.timeoutMs ?? 10_000,
      maxRetries: options.maxRetries ?? 3,
      maxRetryWaitMs: options.maxRetryWaitMs ?? 30_000,
      limiter: new TokenBucket({ ratePerSecond: options.ratePerSecond ?? 30, burst: options.burst ?? 2 }),
    };
  }

  async details(tmdbId: number): Promise<MovieDetails | null> {
    if (!Number.isInteger(tmdbId) || tmdbId <= 0) throw new RangeError(`not a TMDB id: ${tmdbId}`);
    const subject = { what: `movie ${tmdbId}`, tmdbId };
    const raw = await tmdbGet(this.http, `movie/${tmdbId}`, { append_to_response: 'videos,watch/providers' }, movieDetailsSchema, subject);
    if (raw === null) return null;
    if (raw.id !== tmdbId) throw new MovieSourceError('malformed', `TMDB answered ${subject.what} with movie ${raw.id}`, { tmdbId });
    return toMovieDetails(raw);
  }

  async recent(query: RecentQuery): Promise<MoviePage> {
    if (!YMD.test(query.from) || !YMD.test(query.to)) throw new RangeError(`recent() takes YYYY-MM-DD days, not ${query.from}…${query.to}`);
    const page = query.page ?? 1;
    return this.list(
      'discover/movie',
      {
        'primary_release_date.gte': query.from,
        'primary_release_date.lte': query.to,
        sort_by: query.order === 'newest' ? 'primary_release_date.desc' : 'popularity.desc',
        include_adult: 'false',
        include_video: 'false',
        page,
      },
      `films released ${query.from}…${query.to} (page ${page})`,
    );
  }

  trending(page = 1): Promise<MoviePage> {
    return this.list('trending/movie/week', { page }, `this week's trending films (page ${page})`);
  }

  async watchProviders(region: string): Promise<WatchProvider[]> {
    const code = normalizeRegion(region);
    if (!code) throw new RangeError(`not an ISO 3166-1 region: ${region}`);
    const raw = await tmdbGet(this.http, 'watch/providers/movie', { watch_region: code }, providerCatalogSchema, { what: `the services of ${code}` });
    return raw ? toWatchProviders(raw, code) : [];
  }

  /** Remembered for a day; a failed refresh keeps serving the last one it had. */
  async imageConfig(): Promise<ImageConfig> {
    if (this.images && this.images.until > this.now()) return this.images.config;
    try {
      const raw = await tmdbGet(this.http, 'configuration', {}, configurationSchema, { what: 'the image configuration' });
      if (!raw) throw new MovieSourceError('rejected', 'TMDB found no image configuration (404)', { status: 404 });
      this.images = { config: toImageConfig(raw), until: this.now() + (this.options.imageConfigTtlMs ?? 24 * 60 * 60 * 1000) };
    } catch (err) {
      if (!this.images) throw err;
    }
    return this.images.config;
  }

  private async list(path: string, params: Record<string, string | number>, what: string): Promise<MoviePage> {
    const raw = await tmdbGet(this.http, path, params, pageSchema, { what });
    if (!raw) throw new MovieSourceError('rejected', `TMDB found no ${what} (404)`, { status: 404 });
    const movies = [];
    const skipped: SkippedRecord[] = [];
    for (const [index, record] of raw.results.entries()) {
      const parsed = listedMovieSchema.safeParse(record);
      if (parsed.success) movies.push(toListedMovie(parsed.data));
      else skipped.push({ index, tmdbId: idOf(record), reason: `${what}, record ${index}: ${describeIssues(parsed.error)}` });
    }
    return { page: raw.page, totalPages: raw.total_pages, totalResults: raw.total_results, movies, skipped };
  }
}

function idOf(record: unknown): number | null {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
}

import type { Logger, Movie } from '../../core/index.ts';

/** Finds poster images for movies; a movie without one gets a generated placeholder. */
export interface PosterSource {
  /** Looks the movies up (from memory when it can) and answers for each: an image URL or null. */
  lookup(movies: readonly Movie[]): Promise<(movie: Movie) => string | null>;
}

export const noPosters: PosterSource = {
  lookup: async () => () => null,
};

export interface TmdbOptions {
  apiKey: string;
  logger: Logger;
  fetch?: typeof globalThis.fetch;
  apiUrl?: string;
  imageBase?: string;
  timeoutMs?: number;
  maxEntries?: number;
  now?: () => number;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Posters from TMDB (TMDB_API_KEY), by the tmdbId MovieLens gives each
 * movie. Answers are cached for a day, failures for ten minutes, so a page
 * render asks TMDB at most once per movie and a TMDB outage costs nothing
 * but placeholders.
 */
export function tmdbPosters(options: TmdbOptions): PosterSource {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const apiUrl = (options.apiUrl ?? 'https://api.themoviedb.org/3').replace(/\/+$/, '');
  const imageBase = options.imageBase ?? 'https://image.tmdb.org/t/p/w342';
  const now = options.now ?? Date.now;
  const max = options.maxEntries ?? 50_000;
  const cache = new Map<number, { url: string | null; until: number }>();
  const inflight = new Map<number, Promise<string | null>>();

  async function fetchPoster(tmdbId: number): Promise<string | null> {
    try {
      const res = await fetchImpl(`${apiUrl}/movie/${tmdbId}?api_key=${encodeURIComponent(options.apiKey)}`, {
        signal: AbortSignal.timeout(options.timeoutMs ?? 2000),
        headers: { accept: 'application/json' },
      });
      if (res.status === 404) return remember(tmdbId, null, DAY);
      if (!res.ok) throw new Error(`TMDB answered ${res.status}`);
      const body = (await res.json()) as { poster_path?: unknown };
      const path = typeof body.poster_path === 'string' && /^\/[\w.-]+$/.test(body.poster_path) ? body.poster_path : null;
      return remember(tmdbId, path ? `${imageBase}${path}` : null, DAY);
    } catch (err) {
      options.logger.warn({ err, tmdbId }, 'TMDB poster lookup failed');
      return remember(tmdbId, null, DAY / 144);
    }
  }

  function remember(tmdbId: number, url: string | null, ttl: number): string | null {
    if (cache.size >= max) cache.delete(cache.keys().next().value!);
    cache.set(tmdbId, { url, until: now() + ttl });
    return url;
  }

  function known(tmdbId: number): { url: string | null } | undefined {
    const hit = cache.get(tmdbId);
    return hit && hit.until > now() ? hit : undefined;
  }

  return {
    async lookup(movies) {
      const missing = [...new Set(movies.flatMap((m) => (m.tmdbId !== null && !known(m.tmdbId) ? [m.tmdbId] : [])))];
      await Promise.all(
        missing.map((id) => {
          let p = inflight.get(id);
          if (!p) inflight.set(id, (p = fetchPoster(id).finally(() => inflight.delete(id))));
          return p;
        }),
      );
      return (movie) => (movie.tmdbId === null ? null : (known(movie.tmdbId)?.url ?? null));
    },
  };
}

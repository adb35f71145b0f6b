import type { Config, MovieDetailsSource } from '../../core/index.ts';
import { TmdbClient } from '../../core/wiring.ts';

/** Where this installation's films come from, as `/healthz` and the start banner say it. */
export type MoviesSource = 'MovieLens' | 'MovieLens + TMDB';

export function moviesSource(config: Config): MoviesSource {
  return config.tmdb ? 'MovieLens + TMDB' : 'MovieLens';
}

/**
 * TMDB when TMDB_API_KEY or TMDB_ACCESS_TOKEN is set, else nothing (MovieLens
 * alone). One client per process: its limiter keeps the process under TMDB's
 * rate (BullMQ's limiter keeps the workers together under it).
 */
export function openMovieSource(config: Config): MovieDetailsSource | undefined {
  return config.tmdb && new TmdbClient(config.tmdb);
}

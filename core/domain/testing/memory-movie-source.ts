import {
  DEFAULT_IMAGE_CONFIG,
  MovieSourceError,
  type ListedMovie,
  type MovieDetails,
  type MovieDetailsSource,
  type MoviePage,
  type RecentQuery,
} from '../ports/movie-details.source.ts';

/** An online movie source in memory, for use-case tests: films by TMDB id, list pages, and failures on demand. */
export class MemoryMovieSource implements MovieDetailsSource {
  readonly films = new Map<number, MovieDetails>();
  /** Films whose record fails validation. */
  readonly malformed = new Set<number>();
  /** Pages of `recent` and `trending`, from page 1. */
  recentPages: ListedMovie[][] = [];
  trendingPages: ListedMovie[][] = [];
  /** Records of the trending list left out as malformed, reported with its first page. */
  trendingSkipped: MoviePage['skipped'] = [];
  /** Thrown by every call while set (TMDB down, rate-limiting, refusing the key). */
  failWith: MovieSourceError | null = null;
  /** Thrown by list calls for pages from this one on (a failure part way through). */
  failFromPage = Infinity;
  readonly calls: string[] = [];
  readonly recentQueries: RecentQuery[] = [];

  constructor(films: readonly MovieDetails[] = []) {
    for (const f of films) this.films.set(f.tmdbId, f);
  }

  async details(tmdbId: number) {
    this.calls.push(`details ${tmdbId}`);
    if (this.failWith) throw this.failWith;
    if (this.malformed.has(tmdbId))
      throw new MovieSourceError('malformed', `TMDB's answer for movie ${tmdbId} is not the documented shape: title: expected string`, { tmdbId });
    return this.films.get(tmdbId) ?? null;
  }

  async recent(query: RecentQuery) {
    this.recentQueries.push(query);
    return this.page('recent', this.recentPages, query.page ?? 1);
  }

  async trending(page = 1) {
    return this.page('trending', this.trendingPages, page);
  }

  async watchProviders() {
    return [];
  }

  async imageConfig() {
    return DEFAULT_IMAGE_CONFIG;
  }

  private page(what: string, pages: ListedMovie[][], page: number): MoviePage {
    this.calls.push(`${what} ${page}`);
    if (this.failWith) throw this.failWith;
    if (page >= this.failFromPage) throw new MovieSourceError('unavailable', `TMDB answered 503 for ${what} page ${page}`, { status: 503 });
    const movies = pages[page - 1] ?? [];
    return {
      page,
      totalPages: Math.max(1, pages.length),
      totalResults: pages.flat().length,
      movies,
      skipped: what === 'trending' && page === 1 ? this.trendingSkipped : [],
    };
  }
}

/** A listed film as TMDB lists it. */
export function listed(tmdbId: number, title: string, releaseDate: string | null, genreIds: number[] = [18], originalTitle = title): ListedMovie {
  return {
    tmdbId,
    title,
    originalTitle,
    releaseDate,
    year: releaseDate ? Number(releaseDate.slice(0, 4)) : null,
    posterPath: null,
    overview: null,
    popularity: 10,
    genreIds,
  };
}

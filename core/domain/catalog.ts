import type { Movie } from './model.ts';
import { LruCache } from './lru-cache.ts';
import { displayTitle, TitleIndex } from './search/index.ts';

/** A movie as people read it: "The Matrix (1999)". Capped for Discord's 100-character labels. */
export function movieLabel(movie: Pick<Movie, 'title' | 'year'>, max = 100): string {
  const year = movie.year === null ? '' : ` (${movie.year})`;
  const title = displayTitle(movie.title);
  return title.length + year.length <= max ? `${title}${year}` : `${title.slice(0, max - year.length - 1)}…${year}`;
}

const RECENT_QUERIES = 5_000;
/** Long queries are rare and would make the cache's memory unbounded in practice. */
const MAX_CACHED_QUERY = 120;

/**
 * The catalog in memory: lookup by id and title search, so autocomplete
 * answers from memory within Discord's deadline.
 */
export class MovieCatalog {
  private readonly byId: Map<number, Movie>;
  private readonly titles: TitleIndex;
  private readonly recent = new LruCache<string, Movie[]>(RECENT_QUERIES, Infinity);

  constructor(
    movies: readonly Movie[],
    private readonly ratings: ReadonlyMap<number, number> = new Map(),
  ) {
    this.byId = new Map(movies.map((m) => [m.id, m]));
    this.titles = TitleIndex.build(movies.map((m) => ({ id: m.id, title: m.title, year: m.year, popularity: ratings.get(m.id) ?? 0 })));
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: number): Movie | undefined {
    return this.byId.get(id);
  }

  /** Positive MovieLens ratings of the movie: how well known it is. */
  popularity(id: number): number {
    return this.ratings.get(id) ?? 0;
  }

  /**
   * Matches, best first. Recent answers are kept: autocomplete asks the same
   * prefixes over and over ("the", "star w"), from every member of a server.
   */
  search(query: string, opts: { limit?: number; offset?: number } = {}): Movie[] {
    const key = `${opts.limit ?? ''}|${opts.offset ?? ''}|${query}`;
    const hit = this.recent.get(key);
    if (hit) return [...hit];
    const movies = this.titles.search(query, opts).map((m) => this.byId.get(m.id)!);
    if (key.length <= MAX_CACHED_QUERY) this.recent.set(key, movies);
    return [...movies];
  }
}

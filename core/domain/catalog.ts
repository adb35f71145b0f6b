import type { Movie } from './model.ts';
import { LruCache } from './lru-cache.ts';
import { displayTitle, normalizeText, TitleIndex } from './search/index.ts';

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
  private byId: Map<number, Movie>;
  private titles: TitleIndex;
  private readonly recent = new LruCache<string, Movie[]>(RECENT_QUERIES, Infinity);
  /** Built on first use: only imports look movies up by another site's id, or by a title's head. */
  private links?: { imdb: Map<number, Movie>; tmdb: Map<number, Movie> };
  private heads?: Map<string, Movie[]>;

  constructor(
    movies: readonly Movie[],
    private readonly ratings: ReadonlyMap<number, number> = new Map(),
  ) {
    this.byId = new Map(movies.map((m) => [m.id, m]));
    this.titles = this.index();
  }

  /**
   * Adds these movies, or replaces the ones with the same id, for every
   * holder of this catalog at once (films added to the catalog while the
   * process runs). Rebuilds the title index, the whole of it: a few hundred
   * milliseconds on the largest catalogs, so call it when something changed,
   * not on a timer. Returns how many movies were new or different.
   */
  upsert(movies: readonly Movie[]): number {
    const changed = movies.filter((m) => !sameMovie(this.byId.get(m.id), m));
    if (changed.length === 0) return 0;
    const byId = new Map(this.byId);
    for (const movie of changed) byId.set(movie.id, movie);
    this.byId = byId;
    this.titles = this.index();
    this.recent.clear();
    this.links = undefined;
    this.heads = undefined;
    return changed.length;
  }

  private index(): TitleIndex {
    return TitleIndex.build([...this.byId.values()].map((m) => ({ id: m.id, title: m.title, year: m.year, popularity: this.ratings.get(m.id) ?? 0 })));
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: number): Movie | undefined {
    return this.byId.get(id);
  }

  /** The movie IMDb calls tt<imdbId> (MovieLens's links.csv), if the catalog has it. */
  byImdbId(imdbId: number): Movie | undefined {
    return this.linked().imdb.get(imdbId);
  }

  /** The movie TMDB numbers `tmdbId`, if the catalog has it. */
  byTmdbId(tmdbId: number): Movie | undefined {
    return this.linked().tmdb.get(tmdbId);
  }

  /** Movies spelled exactly `title`, whatever the article's place (see TitleIndex.sameTitle). */
  sameTitle(title: string): Movie[] {
    return this.titles.sameTitle(title).map((id) => this.byId.get(id)!);
  }

  /**
   * Movies whose title is `title` and then a subtitle after a colon: "Star
   * Wars" finds "Star Wars: Episode IV - A New Hope" (and V, VI…), best
   * known first.
   */
  withSubtitle(title: string): Movie[] {
    if (!this.heads) {
      const heads = new Map<string, Movie[]>();
      for (const movie of this.byId.values()) {
        const display = displayTitle(movie.title);
        const colon = display.indexOf(':');
        const head = colon > 0 ? normalizeText(display.slice(0, colon)) : '';
        if (head === '') continue;
        const same = heads.get(head);
        if (same) same.push(movie);
        else heads.set(head, [movie]);
      }
      for (const same of heads.values()) same.sort((a, b) => this.popularity(b.id) - this.popularity(a.id) || a.id - b.id);
      this.heads = heads;
    }
    return this.heads.get(normalizeText(title)) ?? [];
  }

  private linked(): { imdb: Map<number, Movie>; tmdb: Map<number, Movie> } {
    if (!this.links) {
      const imdb = new Map<number, Movie>();
      const tmdb = new Map<number, Movie>();
      for (const movie of this.byId.values()) {
        if (movie.imdbId !== null && !imdb.has(movie.imdbId)) imdb.set(movie.imdbId, movie);
        if (movie.tmdbId !== null && !tmdb.has(movie.tmdbId)) tmdb.set(movie.tmdbId, movie);
      }
      this.links = { imdb, tmdb };
    }
    return this.links;
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

function sameMovie(a: Movie | undefined, b: Movie): boolean {
  return (
    a !== undefined &&
    a.title === b.title &&
    a.year === b.year &&
    a.imdbId === b.imdbId &&
    a.tmdbId === b.tmdbId &&
    a.genres.length === b.genres.length &&
    a.genres.every((g, i) => g === b.genres[i])
  );
}

import type { Movie } from './model.ts';
import { displayTitle, TitleIndex } from './search/index.ts';

/** A movie as people read it: "The Matrix (1999)". Capped for Discord's 100-character labels. */
export function movieLabel(movie: Pick<Movie, 'title' | 'year'>, max = 100): string {
  const year = movie.year === null ? '' : ` (${movie.year})`;
  const title = displayTitle(movie.title);
  return title.length + year.length <= max ? `${title}${year}` : `${title.slice(0, max - year.length - 1)}…${year}`;
}

/**
 * The catalog in memory: lookup by id and title search, so autocomplete
 * answers from memory within Discord's deadline.
 */
export class MovieCatalog {
  private readonly byId: Map<number, Movie>;
  private readonly titles: TitleIndex;

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

  search(query: string, opts: { limit?: number; offset?: number } = {}): Movie[] {
    return this.titles.search(query, opts).map((hit) => this.byId.get(hit.id)!);
  }
}

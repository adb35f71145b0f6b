import type { Movie } from '../../model.ts';
import { entryFromListing } from '../../movie-details/catalog-entry.ts';
import type { AdditionSource, CatalogAdditionStore } from '../../ports/catalog-additions.store.ts';
import type { MovieDetailsSource, MoviePage, SkippedRecord } from '../../ports/movie-details.source.ts';

export interface CatalogSyncDeps {
  source: MovieDetailsSource;
  additions: CatalogAdditionStore;
  now?: () => Date;
}

export interface CatalogSyncOptions {
  /** Films first released within this many days before today (default 60). */
  recentDays?: number;
  /** Pages of recent films read, most popular first, 20 a page (default 5). */
  recentPages?: number;
  /** Pages of this week's trending films read (default 2). */
  trendingPages?: number;
}

export interface CatalogSyncResult {
  /** The films added, as the catalog now holds them. */
  added: Movie[];
  /** Films listed that the catalog already had. */
  known: number;
  /** Films listed without a release date, or released after today: not added. */
  unreleased: number;
  /** Records that failed validation, left out: the caller logs them. */
  skipped: SkippedRecord[];
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Adds recent and trending films from the source that the catalog lacks,
 * titled as MovieLens titles its films, with ids MovieLens never uses and
 * their TMDB id kept. Each page is added as it is read, so a failure part
 * way (thrown as MovieSourceError, for the job to retry) keeps what was
 * added; a rerun adds nothing twice.
 */
export async function syncCatalog(deps: CatalogSyncDeps, options: CatalogSyncOptions = {}): Promise<CatalogSyncResult> {
  const now = deps.now?.() ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - (options.recentDays ?? 60) * DAY).toISOString().slice(0, 10);
  const result: CatalogSyncResult = { added: [], known: 0, unreleased: 0, skipped: [] };

  const read = async (source: AdditionSource, pages: number, fetchPage: (page: number) => Promise<MoviePage>) => {
    for (let page = 1; page <= pages; page++) {
      const listed = await fetchPage(page);
      result.skipped.push(...listed.skipped);
      const seen = new Set(result.added.map((m) => m.tmdbId));
      const entries = listed.movies.flatMap((m) => {
        const entry = m.releaseDate !== null && m.releaseDate <= today ? entryFromListing(m) : null;
        if (!entry) result.unreleased++;
        return entry && !seen.has(entry.tmdbId) ? [entry] : [];
      });
      const added = await deps.additions.add(entries, source, now);
      result.added.push(...added);
      result.known += entries.length - added.length;
      if (page >= listed.totalPages) break;
    }
  };
  await read('recent', options.recentPages ?? 5, (page) => deps.source.recent({ from, to: today, page }));
  await read('trending', options.trendingPages ?? 2, (page) => deps.source.trending(page));
  return result;
}

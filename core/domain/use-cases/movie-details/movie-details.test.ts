import { beforeEach, describe, expect, it } from 'vitest';
import { MovieCatalog } from '../../catalog.ts';
import { UserError } from '../../errors.ts';
import { TasteChanges, type TasteChange } from '../../events/taste-changes.ts';
import type { Movie } from '../../model.ts';
import { TMDB_MOVIE_ID_BASE } from '../../movie-details/catalog-ids.ts';
import { catalogTitle, entryFromListing } from '../../movie-details/catalog-entry.ts';
import { MovieSourceError } from '../../ports/movie-details.source.ts';
import { subscribeEnrichment } from '../../subscribers/index.ts';
import { MemoryCatalogAdditions, MemoryMovieDetails } from '../../testing/memory-movie-details.ts';
import { listed, MemoryMovieSource } from '../../testing/memory-movie-source.ts';
import { CONTRACT_MOVIES, details } from '../../testing/movie-details-store.contract.ts';
import { RecordingQueue } from '../../testing/recording-queue.ts';
import { enrichMovie } from './enrich-movie.ts';
import { enrichmentDue } from './enrichment-due.ts';
import { movieCard, movieCards } from './movie-cards.ts';
import { syncCatalog } from './sync-catalog.ts';

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2026-03-01T12:00:00.000Z');

function world() {
  let now = T0;
  const additions = new MemoryCatalogAdditions(CONTRACT_MOVIES);
  const movieDetails = new MemoryMovieDetails(() => additions.links());
  const catalog = new MovieCatalog(CONTRACT_MOVIES);
  const source = new MemoryMovieSource([details(862), details(603, { title: 'The Matrix' }), details(550), details(13)]);
  const changes = new TasteChanges();
  const announced: TasteChange[] = [];
  changes.subscribe((c) => announced.push(c));
  const stored = async (ids: readonly number[]): Promise<Movie[]> => [...CONTRACT_MOVIES, ...additions.added.values()].filter((m) => ids.includes(m.id));
  const deps = {
    catalog,
    movieDetails,
    changes,
    source,
    additions,
    catalogStore: { getMovies: stored },
    defaultRegion: 'US',
    now: () => now,
  };
  return { deps, announced, source, movieDetails, additions, catalog, advance: (days: number) => (now = new Date(now.getTime() + days * DAY)) };
}

describe('movieCards', () => {
  let w: ReturnType<typeof world>;
  beforeEach(() => {
    w = world();
  });

  it('renders plain cards before anything is fetched, records them as shown, and has their data fetched in the background', async () => {
    const cards = await movieCards(w.deps, [2, 4, 999, 1], 'us');
    expect(cards.map((c) => [c.movie.id, c.posterPath, c.providers, c.fetchedAt])).toEqual([
      [2, null, null, null],
      [4, null, null, null],
      [1, null, null, null],
    ]);
    expect(w.source.calls).toEqual([]);
    expect(w.announced).toEqual([
      { type: 'movie-details-due', movieId: 2, tmdbId: 603, region: 'US' },
      { type: 'movie-details-due', movieId: 1, tmdbId: 862, region: 'US' },
    ]);
    expect(w.movieDetails.details.get(2)?.shownAt).toEqual(T0);
    // Film 4 has no TMDB id: nothing to fetch, nothing to record.
    expect(w.movieDetails.details.has(4)).toBe(false);
  });

  it('shows what is stored, with the region’s providers; complete and fresh, it asks for nothing', async () => {
    await enrichMovie(w.deps, 2, ['DE']);
    w.advance(0.5);
    const card = await movieCard(w.deps, 2, 'DE');
    expect(card).toEqual({
      movie: CONTRACT_MOVIES[1],
      overview: 'Someone wants something. It gets complicated.',
      runtime: 101,
      releaseDate: '1999-03-31',
      posterPath: '/p603.jpg',
      trailerKey: 'tr603',
      providers: { region: 'DE', link: null, flatrate: ['WOW'], free: [], ads: ['Pluto TV'], rent: [], buy: [] },
      fetchedAt: T0,
    });
    expect((await movieCard(w.deps, 2, 'US')).providers?.flatrate).toEqual(['Netflix', 'Max']);
    expect(w.announced).toEqual([]);
  });

  it('asks for a fetch when the card’s region was never stored, providers are a day old, or details a month old', async () => {
    await enrichMovie(w.deps, 2);
    await movieCard(w.deps, 2, 'GB');
    expect(w.announced).toEqual([{ type: 'movie-details-due', movieId: 2, tmdbId: 603, region: 'GB' }]);
    w.announced.length = 0;
    w.advance(1);
    await movieCard(w.deps, 2, 'US');
    expect(w.announced).toHaveLength(1);
  });

  it('never shows data older than TMDB’s six-month cache limit', async () => {
    await enrichMovie(w.deps, 2);
    w.advance(181);
    const card = await movieCard(w.deps, 2, 'US');
    expect(card).toMatchObject({ overview: null, posterPath: null, providers: null, fetchedAt: null });
    expect(w.announced).toHaveLength(1);
  });

  it('records a film as shown at most once an hour', async () => {
    await movieCard(w.deps, 1, 'US');
    w.advance(0.01);
    await movieCard(w.deps, 1, 'US');
    expect(w.movieDetails.details.get(1)?.shownAt).toEqual(T0);
    w.advance(0.05);
    await movieCard(w.deps, 1, 'US');
    expect(w.movieDetails.details.get(1)?.shownAt?.getTime()).toBeGreaterThan(T0.getTime());
  });

  it('refuses a region that is not a country code, and a film not in the catalog', async () => {
    await expect(movieCards(w.deps, [1], 'UK')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(movieCard(w.deps, 999, 'US')).rejects.toThrow(UserError);
  });

  it('the subscriber queues one enrich per film, debounced, with the card’s region', async () => {
    const jobs = new RecordingQueue();
    subscribeEnrichment(w.deps.changes, { jobs, log: { warn: () => {} } });
    await movieCards(w.deps, [1, 2], 'DE');
    expect(jobs.queued).toEqual([
      { name: 'enrich', data: { movieId: 1, regions: ['DE'] }, options: { debounceKey: '1', debounceMs: 2_000 } },
      { name: 'enrich', data: { movieId: 2, regions: ['DE'] }, options: { debounceKey: '2', debounceMs: 2_000 } },
    ]);
  });
});

describe('enrichMovie', () => {
  let w: ReturnType<typeof world>;
  beforeEach(() => {
    w = world();
  });

  it('stores the fetch with the default region’s, the asked and the earlier stored regions’ providers', async () => {
    expect(await enrichMovie(w.deps, 1, ['DE'])).toEqual({ status: 'stored', movieId: 1, tmdbId: 862, regions: ['US', 'DE'], catalogChanged: false });
    w.advance(1);
    expect(await enrichMovie(w.deps, 1, ['gb'])).toMatchObject({ regions: ['US', 'DE', 'GB'] });
    expect(await w.movieDetails.regionsOf(1)).toEqual(['DE', 'GB', 'US']);
    expect(w.source.calls).toEqual(['details 862', 'details 862']);
  });

  it('marks a film TMDB does not know, skips a malformed record, and has nothing to fetch without a TMDB id', async () => {
    w.source.films.delete(550);
    expect(await enrichMovie(w.deps, 3)).toEqual({ status: 'not-found', movieId: 3, tmdbId: 550 });
    expect(w.movieDetails.details.get(3)).toMatchObject({ found: false, checkedAt: T0 });
    w.source.malformed.add(603);
    expect(await enrichMovie(w.deps, 2)).toMatchObject({ status: 'malformed', movieId: 2, tmdbId: 603, reason: expect.stringContaining('documented shape') });
    expect(w.movieDetails.details.get(2)).toMatchObject({ fetchedAt: null, checkedAt: T0 });
    expect(await enrichMovie(w.deps, 4)).toEqual({ status: 'no-tmdb-id', movieId: 4 });
    expect(await enrichMovie(w.deps, 999)).toEqual({ status: 'no-movie', movieId: 999 });
  });

  it('TMDB down or rate-limiting: the error reaches the job, and nothing is written', async () => {
    for (const failure of [
      new MovieSourceError('unavailable', 'TMDB is unreachable'),
      new MovieSourceError('rate_limited', 'TMDB is rate-limiting', { retryAfterMs: 4_000 }),
    ]) {
      w.source.failWith = failure;
      await expect(enrichMovie(w.deps, 1)).rejects.toBe(failure);
    }
    expect(w.movieDetails.details.size).toBe(0);
  });

  it('rewrites the catalog record of a film the sync added, never a MovieLens one', async () => {
    const [added] = await w.additions.add([entryFromListing(listed(1054867, 'One Battle After Another', '2025-09-26'))!], 'trending', T0);
    w.source.films.set(1054867, details(1054867, { title: 'One Battle After Another', genres: ['Action', 'Thriller', 'Crime'], imdbId: 30144839, year: 2025 }));
    expect(await enrichMovie(w.deps, added!.id)).toMatchObject({ status: 'stored', catalogChanged: true });
    expect(w.additions.added.get(added!.id)).toMatchObject({ genres: ['Action', 'Thriller', 'Crime'], imdbId: 30144839 });
    expect(await enrichMovie(w.deps, 2)).toMatchObject({ status: 'stored', catalogChanged: false });
  });
});

describe('enrichmentDue', () => {
  it('purges what is past the cache limit, then lists shown films first', async () => {
    const w = world();
    await enrichMovie(w.deps, 1);
    w.advance(200);
    await movieCards(w.deps, [2], 'US');
    const { due, purged } = await enrichmentDue(w.deps);
    expect(purged).toEqual({ details: 1, providers: 1 });
    expect(due).toEqual([
      { movieId: 2, tmdbId: 603 },
      { movieId: 1, tmdbId: 862 },
      { movieId: 3, tmdbId: 550 },
      { movieId: 5, tmdbId: 13 },
    ]);
    expect(await enrichmentDue(w.deps, 2)).toMatchObject({ due: [{ movieId: 2 }, { movieId: 1 }] });
  });
});

describe('syncCatalog', () => {
  it('adds the recent and trending films the catalog lacks, titled as MovieLens titles them', async () => {
    const w = world();
    const today = '2026-03-01';
    w.source.recentPages = [[listed(1054867, 'One Battle After Another', '2026-02-20', [28, 53, 80]), listed(862, 'Toy Story', '1995-11-22')]];
    w.source.trendingPages = [
      [
        listed(1054867, 'One Battle After Another', '2026-02-20'),
        listed(1400001, 'The Lighthouse Project', null),
        listed(1400002, 'Next Week', '2026-03-08'),
        listed(1078605, 'The Smashing Machine', '2025-10-03', [18, 10402]),
        listed(1400003, 'Amélie Again', '2025-12-01', [35], 'Le Fabuleux Destin'),
      ],
    ];
    w.source.trendingSkipped = [{ index: 3, tmdbId: 7, reason: "this week's trending films, record 3: title: expected string" }];
    const result = await syncCatalog(w.deps);
    expect(w.source.recentQueries).toEqual([{ from: '2025-12-31', to: today, page: 1 }]);
    expect(result.added.map((m) => [m.title, m.year, m.genres, m.tmdbId])).toEqual([
      ['One Battle After Another', 2026, ['Action', 'Thriller', 'Crime'], 1054867],
      ['Smashing Machine, The', 2025, ['Drama', 'Musical'], 1078605],
      ['Amélie Again (Le Fabuleux Destin)', 2025, ['Comedy'], 1400003],
    ]);
    for (const m of result.added) expect(m.id).toBeGreaterThanOrEqual(TMDB_MOVIE_ID_BASE);
    expect(result).toMatchObject({ known: 1, unreleased: 2, skipped: w.source.trendingSkipped });
    // Again: nothing twice.
    expect((await syncCatalog(w.deps)).added).toEqual([]);
    // The catalog finds them as it finds MovieLens films.
    w.catalog.upsert(await w.additions.all());
    expect(w.catalog.search('smashing machine')[0]?.tmdbId).toBe(1078605);
    expect(w.catalog.search('one battle after another')[0]?.tmdbId).toBe(1054867);
  });

  it('TMDB failing part way: the error reaches the job and the pages read keep their films', async () => {
    const w = world();
    w.source.recentPages = [[listed(1, 'First Page Film', '2026-02-01')], [listed(2, 'Second Page Film', '2026-02-02')]];
    w.source.failFromPage = 2;
    await expect(syncCatalog(w.deps)).rejects.toMatchObject({ kind: 'unavailable' });
    expect((await w.additions.all()).map((m) => m.title)).toEqual(['First Page Film']);
  });
});

describe('catalogTitle', () => {
  it('spells titles as MovieLens does', () => {
    expect(catalogTitle('The Matrix', 'The Matrix')).toBe('Matrix, The');
    expect(catalogTitle('A  Quiet Place ', 'A Quiet Place')).toBe('Quiet Place, A');
    expect(catalogTitle('Parasite', '기생충')).toBe('Parasite');
    expect(catalogTitle('Amélie', 'Le Fabuleux Destin (d’Amélie)')).toBe('Amélie');
    expect(catalogTitle('Anora', 'Anora')).toBe('Anora');
    expect(catalogTitle('The', 'The')).toBe('The');
    expect(catalogTitle('Bad\u0000Title\n', 'Bad\u0000Title')).toBe('Bad Title');
    expect(catalogTitle('x'.repeat(500), 'x'.repeat(500))).toHaveLength(200);
  });
});

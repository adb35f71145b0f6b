/**
 * enrich and catalog-sync through both runners (in-process, BullMQ on real
 * Redis), on PGlite, against the loopback fake TMDB with the real client.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MovieCatalog, type CommunityDeps, type Logger, type Movie } from '../../core/index.ts';
import { CatalogFollower, createRepositories, TmdbClient, type Repositories } from '../../core/wiring.ts';
import { FakeTmdb, NEW_2025_FILM } from '../../test/support/fake-tmdb.ts';
import { freshPglite, type TestDatabase } from '../../test/support/databases.ts';
import { JOB_RUNNERS, type JobRunner } from '../../test/support/job-runners.ts';
import { createProcessors } from './index.ts';

/** MovieLens films with ml-latest-small's TMDB links, and one without. */
const MOVIELENS: Movie[] = [
  { id: 1, title: 'Toy Story', year: 1995, genres: ['Animation', 'Children'], imdbId: 114709, tmdbId: 862 },
  { id: 2571, title: 'Matrix, The', year: 1999, genres: ['Action', 'Sci-Fi'], imdbId: 133093, tmdbId: 603 },
  { id: 2959, title: 'Fight Club', year: 1999, genres: ['Drama'], imdbId: 137523, tmdbId: 550 },
  { id: 5, title: 'Father of the Bride Part II', year: 1995, genres: ['Comedy'], imdbId: 113041, tmdbId: null },
];

interface LogLine {
  level: 'info' | 'warn';
  fields: Record<string, unknown>;
  message: string;
}

describe.each(JOB_RUNNERS)('TMDB jobs on $name', ({ start }) => {
  let fake: FakeTmdb;
  let db: TestDatabase;
  let repos: Repositories;
  let runner: JobRunner | undefined;
  let catalog: MovieCatalog;
  let logs: LogLine[];
  let calls: { enrich: number; sync: number };

  beforeEach(async () => {
    fake = new FakeTmdb();
    await fake.start();
    db = await freshPglite();
    repos = createRepositories(db.database.db);
    for (const m of MOVIELENS) {
      await db.database.sql.query('INSERT INTO movies (id, title, year, genres, imdb_id, tmdb_id) VALUES ($1, $2, $3, $4, $5, $6)', [
        m.id,
        m.title,
        m.year,
        m.genres,
        m.imdbId,
        m.tmdbId,
      ]);
    }
    catalog = new MovieCatalog(MOVIELENS);
    logs = [];
    calls = { enrich: 0, sync: 0 };
  });
  afterEach(async () => {
    await runner?.close();
    runner = undefined;
    await fake.stop();
    await db.drop();
  });

  /** Starts the runner with the processors over this test's database and the fake; the client does not wait out 429s itself. */
  async function run(enrichAttempts = 6) {
    const record = (level: LogLine['level']) => (fields: Record<string, unknown>, message: string) => void logs.push({ level, fields, message });
    const log = { info: record('info'), warn: record('warn') } as unknown as Pick<Logger, 'info' | 'warn'>;
    const follower = new CatalogFollower({ additions: repos.catalogAdditions, catalog, logger: log });
    const processors = createProcessors({
      deps: {} as CommunityDeps,
      tmdb: {
        source: new TmdbClient({ apiUrl: fake.apiUrl, apiKey: fake.apiKey, maxRetries: 0, timeoutMs: 2_000 }),
        movieDetails: repos.movieDetails,
        additions: repos.catalogAdditions,
        catalogStore: repos.catalog,
        defaultRegion: 'US',
        queue: () => runner!.queue,
        catalogChanged: () => void follower.refresh(),
      },
      log,
    });
    runner = await start(
      {
        enrich: async (data) => (calls.enrich++, processors.enrich(data)),
        'catalog-sync': async (data) => (calls.sync++, processors['catalog-sync'](data)),
      },
      { retries: { enrich: { attempts: enrichAttempts, backoffMs: 200 }, 'catalog-sync': { attempts: 6, backoffMs: 200 } } },
    );
    return runner.queue;
  }

  const card = async (movieId: number, region = 'US') => (await repos.movieDetails.cards([movieId], region)).get(movieId);
  const fetched = (movieId: number) =>
    vi.waitFor(async () => expect((await card(movieId))?.details.fetchedAt).toBeInstanceOf(Date), { timeout: 15_000, interval: 50 });

  it('enrich stores a film’s details, trailer and providers (default region and the card’s), in one request', async () => {
    const jobs = await run();
    await jobs.enqueue('enrich', { movieId: 2571, regions: ['GB'] });
    await fetched(2571);
    expect(await card(2571)).toMatchObject({
      details: { tmdbId: 603, found: true, runtime: 136, releaseDate: '1999-03-31', posterPath: '/the-matrix.jpg', trailerKey: 'matrix4kTr1' },
      providers: { region: 'US', flatrate: ['Netflix', 'Max'], rent: ['Apple TV', 'Amazon Video'] },
    });
    expect((await card(2571, 'GB'))?.providers).toMatchObject({ flatrate: ['Netflix'], buy: ['Apple TV'] });
    expect(await repos.movieDetails.regionsOf(2571)).toEqual(['GB', 'US']);
    expect(fake.requests.map((r) => [r.path, r.query.append_to_response])).toEqual([['movie/603', 'videos,watch/providers']]);
  });

  it('the scheduled refresh fetches every film due, one job each, and nothing twice', async () => {
    const jobs = await run();
    await jobs.enqueue('enrich', { due: 'scheduled' });
    for (const id of [1, 2571, 2959]) await fetched(id);
    expect((await card(2959))?.details).toMatchObject({ trailerKey: null, runtime: 139 });
    // Fight Club streams only in Germany: the default region is stored as checked, with nothing there.
    expect((await card(2959))?.providers).toMatchObject({ region: 'US', flatrate: [], rent: [], buy: [] });
    expect(fake.count('movie/')).toBe(3);
    await jobs.enqueue('enrich', { due: 'scheduled' });
    await vi.waitFor(() => expect(calls.enrich).toBe(4), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.count('movie/')).toBe(3);
  });

  it('429 with Retry-After: the job waits that long, then succeeds; no attempt is used up', async () => {
    // One attempt only: the waits a 429 asks for must not count as failed tries.
    const jobs = await run(1);
    fake.retryAfterSeconds = 1;
    fake.rateLimitNext(3);
    await jobs.enqueue('enrich', { movieId: 1 });
    await fetched(1);
    const tries = fake.requests.filter((r) => r.path === 'movie/862');
    expect(tries.map((r) => r.status)).toEqual([429, 429, 429, 200]);
    // Each retry came after the Retry-After (1 s), never in a tight loop.
    for (let i = 1; i < tries.length; i++) expect(tries[i]!.at - tries[i - 1]!.at).toBeGreaterThanOrEqual(950);
  }, 20_000);

  it('TMDB down: the job retries with backoff until TMDB is back, and the film is stored', async () => {
    const jobs = await run();
    await fake.down();
    await jobs.enqueue('enrich', { movieId: 2959 });
    await vi.waitFor(() => expect(calls.enrich).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 20 });
    expect(await card(2959)).toBeUndefined();
    await fake.up();
    await fetched(2959);
    expect(calls.enrich).toBeGreaterThanOrEqual(3);
  }, 20_000);

  it('a malformed record is skipped and logged, not retried; the film waits a day before it is asked again', async () => {
    const jobs = await run();
    fake.breakMovie(550);
    await jobs.enqueue('enrich', { movieId: 2959 });
    await vi.waitFor(() => expect(logs.map((l) => l.message)).toContain('enrich: malformed TMDB record skipped'), { timeout: 10_000, interval: 20 });
    const line = logs.find((l) => l.message === 'enrich: malformed TMDB record skipped')!;
    expect(line).toMatchObject({ level: 'warn', fields: { movieId: 2959, tmdbId: 550, reason: expect.stringContaining('movie 550') } });
    expect((await card(2959))?.details).toMatchObject({ fetchedAt: null, checkedAt: expect.any(Date) });
    await new Promise((r) => setTimeout(r, 500));
    expect(calls.enrich).toBe(1);
    expect(fake.count('movie/550')).toBe(1);
    // The scheduled refresh leaves it for a day, and fetches the others.
    await jobs.enqueue('enrich', { due: 'scheduled' });
    for (const id of [1, 2571]) await fetched(id);
    expect(fake.count('movie/550')).toBe(1);
  });

  it('catalog-sync adds the 2025 film and the other new trending ones once, logs a malformed record, and they are searchable at once', async () => {
    const jobs = await run();
    fake.breakMovie(1233413);
    await jobs.enqueue('catalog-sync', { reason: 'manual' });
    await vi.waitFor(() => expect(catalog.search('one battle after another')[0]?.tmdbId).toBe(NEW_2025_FILM.id), { timeout: 15_000, interval: 50 });
    const added = await repos.catalogAdditions.all();
    expect(added.map((m) => [m.title, m.year, m.tmdbId]).sort()).toEqual([
      ['One Battle After Another', 2025, 1054867],
      ['Weapons', 2025, 1078605],
    ]);
    expect(catalog.search('weapons 2025')[0]?.tmdbId).toBe(1078605);
    expect(logs).toContainEqual({
      level: 'warn',
      message: 'catalog-sync: malformed TMDB record skipped',
      fields: { tmdbId: 1233413, reason: expect.stringContaining('trending') },
    });
    // The new films are enriched in the background: poster, trailer, the US providers, and their catalog record from the full one.
    const film = added.find((m) => m.tmdbId === NEW_2025_FILM.id)!;
    await fetched(film.id);
    expect(await card(film.id)).toMatchObject({
      details: { posterPath: '/one-battle-after-another.jpg', trailerKey: 'obaaTrailr2', runtime: 162 },
      providers: { flatrate: ['Max'] },
    });
    await vi.waitFor(() => expect(catalog.get(film.id)).toMatchObject({ genres: ['Action', 'Thriller', 'Crime'], imdbId: 30144839 }), { timeout: 10_000 });
    // Again: nothing added twice.
    await jobs.enqueue('catalog-sync', { reason: 'scheduled' });
    await vi.waitFor(() => expect(logs.filter((l) => l.message === 'catalog-sync')).toHaveLength(2), { timeout: 10_000 });
    expect(logs.filter((l) => l.message === 'catalog-sync').map((l) => l.fields.added)).toEqual([2, 0]);
    expect(await repos.catalogAdditions.all()).toHaveLength(2);
  });

  it('bad job data fails at once, without a request', async () => {
    const jobs = await run();
    for (const bad of [{ movieId: -1 }, { movieId: 1, regions: ['UK'] }, { due: 'whenever' }, {}]) await jobs.enqueue('enrich', bad as never);
    await jobs.enqueue('catalog-sync', { reason: 'now' } as never);
    await vi.waitFor(() => expect([calls.enrich, calls.sync]).toEqual([4, 1]), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 1_200));
    expect([calls.enrich, calls.sync]).toEqual([4, 1]);
    expect(fake.requests).toEqual([]);
  });
});

describe('enrich without TMDB configured', () => {
  it('fetches nothing, and the scheduled run still deletes what an earlier configuration fetched past the cache limit', async () => {
    const db = await freshPglite();
    try {
      const repos = createRepositories(db.database.db);
      await db.database.sql.query(`INSERT INTO movies (id, title, year, tmdb_id) VALUES (1, 'Toy Story', 1995, 862), (2, 'Heat', 1995, 949)`);
      const film = { tmdbId: 862, title: 'Toy Story', originalTitle: 'Toy Story', overview: 'Toys.', runtime: 81, releaseDate: '1995-11-22', year: 1995 };
      const details = { ...film, posterPath: '/t.jpg', genres: [], imdbId: null, trailerKey: null, providers: {} };
      await repos.movieDetails.saveFetched(1, details, ['US'], new Date(Date.now() - 200 * 24 * 60 * 60 * 1000));
      await repos.movieDetails.saveFetched(2, { ...details, tmdbId: 949 }, ['US'], new Date());
      const warnings: string[] = [];
      const log = { info: () => {}, warn: (_: unknown, message: string) => void warnings.push(message) } as unknown as Pick<Logger, 'info' | 'warn'>;
      const processors = createProcessors({ deps: {} as CommunityDeps, movieDetails: repos.movieDetails, log });
      await processors.enrich({ due: 'scheduled' });
      expect((await repos.movieDetails.cards([1], 'US')).get(1)).toMatchObject({ details: { posterPath: null, fetchedAt: null }, providers: null });
      expect((await repos.movieDetails.cards([2], 'US')).get(2)?.details.posterPath).toBe('/t.jpg');
      await processors.enrich({ movieId: 1 });
      await processors.enrich({ movieId: 2 });
      expect(warnings).toEqual(['enrich: TMDB is not configured in this process (set TMDB_API_KEY or TMDB_ACCESS_TOKEN); jobs are dropped']);
    } finally {
      await db.drop();
    }
  });
});

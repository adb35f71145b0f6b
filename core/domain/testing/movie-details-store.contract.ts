import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Movie } from '../model.ts';
import { TMDB_MOVIE_ID_BASE } from '../movie-details/catalog-ids.ts';
import type { CatalogEntry } from '../movie-details/catalog-entry.ts';
import type { CatalogAdditionStore } from '../ports/catalog-additions.store.ts';
import type { MovieDetails } from '../ports/movie-details.source.ts';
import type { MovieDetailsStore } from '../ports/movie-details.store.ts';

/**
 * What every MovieDetailsStore and CatalogAdditionStore does, whatever
 * keeps them: run on Postgres and PGlite (core/infra/db/movie-details.contract.test.ts)
 * and on the in-memory stores the use-case tests use.
 */
export interface MovieDetailsFixture {
  details: MovieDetailsStore;
  additions: CatalogAdditionStore;
  close(): Promise<void>;
}

/** The MovieLens films every fixture starts with (film 4 has no TMDB id). */
export const CONTRACT_MOVIES: readonly Movie[] = [
  { id: 1, title: 'Toy Story', year: 1995, genres: ['Animation'], imdbId: 114709, tmdbId: 862 },
  { id: 2, title: 'Matrix, The', year: 1999, genres: ['Action', 'Sci-Fi'], imdbId: 133093, tmdbId: 603 },
  { id: 3, title: 'Fight Club', year: 1999, genres: ['Drama'], imdbId: 137523, tmdbId: 550 },
  { id: 4, title: 'No Link', year: 2001, genres: [], imdbId: null, tmdbId: null },
  { id: 5, title: 'Forrest Gump', year: 1994, genres: ['Drama'], imdbId: 109830, tmdbId: 13 },
];

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2026-03-01T12:00:00.000Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

export function details(tmdbId: number, over: Partial<MovieDetails> = {}): MovieDetails {
  return {
    tmdbId,
    title: `Film ${tmdbId}`,
    originalTitle: `Film ${tmdbId}`,
    overview: 'Someone wants something. It gets complicated.',
    runtime: 101,
    releaseDate: '1999-03-31',
    year: 1999,
    posterPath: `/p${tmdbId}.jpg`,
    genres: ['Action'],
    imdbId: null,
    trailerKey: `tr${tmdbId}`,
    providers: {
      US: { link: `https://www.themoviedb.org/movie/${tmdbId}/watch?locale=US`, flatrate: ['Netflix', 'Max'], free: [], ads: [], rent: ['Apple TV'], buy: [] },
      DE: { link: null, flatrate: ['WOW'], free: [], ads: ['Pluto TV'], rent: [], buy: [] },
    },
    ...over,
  };
}

const entry = (tmdbId: number, title: string, year = 2025, over: Partial<CatalogEntry> = {}): CatalogEntry => ({
  tmdbId,
  title,
  year,
  genres: ['Drama'],
  imdbId: null,
  ...over,
});

export function movieDetailsStoreContract(name: string, openFixture: () => Promise<MovieDetailsFixture>): void {
  describe(`MovieDetailsStore and CatalogAdditionStore on ${name}`, () => {
    let fx: MovieDetailsFixture;
    beforeAll(async () => {
      fx = await openFixture();
    });
    afterAll(async () => {
      await fx?.close();
    });

    it('stores a fetch with the time, and gives each card its region’s providers (empty lists: checked, none there)', async () => {
      await fx.details.saveFetched(1, details(862), ['US', 'GB'], at(0));
      const cards = await fx.details.cards([1, 2, 4], 'US');
      expect([...cards.keys()]).toEqual([1]);
      expect(cards.get(1)).toEqual({
        details: {
          movieId: 1,
          tmdbId: 862,
          found: true,
          overview: 'Someone wants something. It gets complicated.',
          runtime: 101,
          releaseDate: '1999-03-31',
          posterPath: '/p862.jpg',
          trailerKey: 'tr862',
          fetchedAt: at(0),
          checkedAt: at(0),
          shownAt: null,
        },
        providers: {
          region: 'US',
          link: 'https://www.themoviedb.org/movie/862/watch?locale=US',
          flatrate: ['Netflix', 'Max'],
          free: [],
          ads: [],
          rent: ['Apple TV'],
          buy: [],
          fetchedAt: at(0),
        },
      });
      expect((await fx.details.cards([1], 'GB')).get(1)?.providers).toEqual({
        region: 'GB',
        link: null,
        flatrate: [],
        free: [],
        ads: [],
        rent: [],
        buy: [],
        fetchedAt: at(0),
      });
      // DE was in the answer but not asked for: not stored.
      expect((await fx.details.cards([1], 'DE')).get(1)?.providers).toBeNull();
      expect(await fx.details.regionsOf(1)).toEqual(['GB', 'US']);
    });

    it('a refresh replaces the data and the named regions, and keeps the regions it did not name', async () => {
      await fx.details.saveFetched(1, details(862, { overview: null, trailerKey: null, providers: {} }), ['US', 'DE'], at(1));
      const card = (await fx.details.cards([1], 'US')).get(1)!;
      expect(card.details).toMatchObject({ overview: null, trailerKey: null, fetchedAt: at(1), checkedAt: at(1) });
      expect(card.providers).toMatchObject({ flatrate: [], rent: [], fetchedAt: at(1) });
      expect((await fx.details.cards([1], 'GB')).get(1)?.providers?.fetchedAt).toEqual(at(0));
      expect(await fx.details.regionsOf(1)).toEqual(['DE', 'GB', 'US']);
    });

    it('records the latest time a film was shown, before or after it was fetched', async () => {
      await fx.details.markShown(
        [
          { movieId: 2, tmdbId: 603 },
          { movieId: 1, tmdbId: 862 },
        ],
        at(2),
      );
      await fx.details.markShown([{ movieId: 2, tmdbId: 603 }], at(1));
      const cards = await fx.details.cards([1, 2], 'US');
      expect(cards.get(2)?.details).toMatchObject({ movieId: 2, tmdbId: 603, found: true, fetchedAt: null, checkedAt: null, shownAt: at(2), overview: null });
      expect(cards.get(1)?.details).toMatchObject({ shownAt: at(2), fetchedAt: at(1) });
    });

    it('not found drops the data and the providers; a malformed answer only records the time', async () => {
      await fx.details.saveFetched(3, details(550), ['US'], at(0));
      await fx.details.markChecked({ movieId: 3, tmdbId: 550 }, at(1));
      expect((await fx.details.cards([3], 'US')).get(3)?.details).toMatchObject({ overview: expect.any(String), fetchedAt: at(0), checkedAt: at(1) });
      await fx.details.markNotFound({ movieId: 3, tmdbId: 550 }, at(2));
      const card = (await fx.details.cards([3], 'US')).get(3)!;
      expect(card.details).toMatchObject({ found: false, overview: null, posterPath: null, trailerKey: null, fetchedAt: null, checkedAt: at(2) });
      expect(card.providers).toBeNull();
      expect(await fx.details.regionsOf(3)).toEqual([]);
    });

    it('lists what is due: shown films first, then never fetched, then the oldest; not what was asked about lately', async () => {
      // State: 1 fetched at(1), shown at(2); 2 shown at(2), never fetched; 3 not found at(2); 5 nothing stored; 4 has no TMDB id.
      const query = (now: Date, limit = 10) =>
        fx.details.due({
          fetchedBefore: new Date(now.getTime() - 30 * DAY),
          shownSince: new Date(now.getTime() - 14 * DAY),
          shownFetchedBefore: new Date(now.getTime() - DAY),
          checkedBefore: new Date(now.getTime() - DAY),
          limit,
        });
      expect(await query(at(2))).toEqual([
        { movieId: 2, tmdbId: 603 },
        { movieId: 5, tmdbId: 13 },
      ]);
      // A day later film 1's providers are a day old while it is shown; of two films shown at once, the never fetched one goes first.
      expect(await query(at(3))).toEqual([
        { movieId: 2, tmdbId: 603 },
        { movieId: 1, tmdbId: 862 },
        { movieId: 5, tmdbId: 13 },
      ]);
      expect(await query(at(3), 2)).toEqual([
        { movieId: 2, tmdbId: 603 },
        { movieId: 1, tmdbId: 862 },
      ]);
      // Past the shown window: only the monthly refresh; the film TMDB did not know is asked again after a month.
      expect(await query(at(20))).toEqual([
        { movieId: 2, tmdbId: 603 },
        { movieId: 5, tmdbId: 13 },
      ]);
      expect(await query(at(40))).toEqual([
        { movieId: 2, tmdbId: 603 },
        { movieId: 3, tmdbId: 550 },
        { movieId: 5, tmdbId: 13 },
        { movieId: 1, tmdbId: 862 },
      ]);
      // Asked about and answered with nothing usable: not due again before a day has passed.
      await fx.details.markChecked({ movieId: 5, tmdbId: 13 }, at(40));
      expect(await query(at(40))).not.toContainEqual({ movieId: 5, tmdbId: 13 });
      expect(await query(at(42))).toContainEqual({ movieId: 5, tmdbId: 13 });
    });

    it('deletes everything fetched before the cache limit, and the film is due again', async () => {
      await fx.details.saveFetched(5, details(13), ['US'], at(10));
      expect(await fx.details.purgeFetchedBefore(at(5))).toEqual({ details: 1, providers: 3 });
      expect((await fx.details.cards([1], 'US')).get(1)).toMatchObject({ details: { overview: null, fetchedAt: null, shownAt: at(2) }, providers: null });
      expect(await fx.details.regionsOf(1)).toEqual([]);
      expect((await fx.details.cards([5], 'US')).get(5)?.details.fetchedAt).toEqual(at(10));
      expect(await fx.details.purgeFetchedBefore(at(5))).toEqual({ details: 0, providers: 0 });
    });

    it('adds films the catalog lacks with ids MovieLens never uses, each once', async () => {
      const v0 = await fx.additions.version();
      const added = await fx.additions.add(
        [entry(1054867, 'One Battle After Another'), entry(862, 'Toy Story', 1995), entry(1233413, 'Sinners'), entry(1054867, 'One Battle After Another')],
        'trending',
        at(0),
      );
      expect(added.map((m) => [m.tmdbId, m.title, m.year])).toEqual([
        [1054867, 'One Battle After Another', 2025],
        [1233413, 'Sinners', 2025],
      ]);
      for (const m of added) expect(m.id).toBeGreaterThanOrEqual(TMDB_MOVIE_ID_BASE);
      expect(new Set(added.map((m) => m.id)).size).toBe(2);
      // A film known by its IMDb id (MovieLens's link) is not added again under another TMDB id.
      expect(await fx.additions.add([entry(999_013, 'Forrest Gump', 1994, { imdbId: 109830 })], 'recent', at(0))).toEqual([]);
      // Two syncs at once add each film once.
      const both = await Promise.all([
        fx.additions.add([entry(1078605, 'Weapons'), entry(1400002, 'Another One')], 'recent', at(0)),
        fx.additions.add([entry(1400002, 'Another One'), entry(1078605, 'Weapons')], 'trending', at(0)),
      ]);
      expect(
        both
          .flat()
          .map((m) => m.tmdbId)
          .sort(),
      ).toEqual([1078605, 1400002]);
      expect(new Set((await fx.additions.all()).map((m) => m.tmdbId))).toEqual(new Set([1054867, 1233413, 1078605, 1400002]));
      expect(await fx.additions.version()).not.toBe(v0);
    });

    it('rewrites an added film from a fresh fetch, never a MovieLens one, and only when something changed', async () => {
      const [film] = (await fx.additions.all()).filter((m) => m.tmdbId === 1054867);
      const v0 = await fx.additions.version();
      const fresh = entry(1054867, 'One Battle After Another', 2025, { genres: ['Action', 'Thriller'], imdbId: 30144839 });
      expect(await fx.additions.refresh(film!.id, fresh, at(1))).toBe(true);
      expect(await fx.additions.version()).not.toBe(v0);
      const v1 = await fx.additions.version();
      expect(await fx.additions.refresh(film!.id, fresh, at(2))).toBe(false);
      // A later record without an IMDb id keeps the one known.
      expect(await fx.additions.refresh(film!.id, { ...fresh, imdbId: null }, at(2))).toBe(false);
      expect(await fx.additions.version()).toBe(v1);
      expect((await fx.additions.all()).find((m) => m.id === film!.id)).toEqual({ ...film, genres: ['Action', 'Thriller'], imdbId: 30144839 });
      expect(await fx.additions.refresh(2, entry(603, 'Matrix', 1999), at(1))).toBe(false);
    });
  });
}

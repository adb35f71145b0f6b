import { describe, expect, it } from 'vitest';
import { MovieCatalog } from '../catalog.ts';
import type { TasteSignal } from '../ports/community.store.ts';
import { tasteTrends } from './taste-trends.ts';

const movie = (id: number, title: string, genres: string[]) => ({ id, title, year: 2000, genres, imdbId: null, tmdbId: null });
const catalog = new MovieCatalog(
  [movie(1, 'Alien', ['Horror', 'Sci-Fi']), movie(2, 'Heat', ['Action', 'Crime']), movie(3, 'Obscure Gem', ['Drama']), movie(4, 'Cats', ['Musical'])],
  new Map([
    [1, 500],
    [2, 300],
    [3, 2],
    [4, 50],
  ]),
);
const jan = new Date('2026-01-10T00:00:00Z');
const feb = new Date('2026-02-10T00:00:00Z');
const s = (userId: number, movieId: number, value: 1 | -1, at = jan): TasteSignal => ({ userId, movieId, value, at });

describe('taste trends', () => {
  it('shows nothing until three members contributed', () => {
    const t = tasteTrends([s(1, 1, 1), s(2, 1, 1), s(2, 2, 1)], catalog);
    expect(t).toMatchObject({ contributors: 2, enough: false, mostLiked: [], topGenres: [] });
  });

  it('ranks most liked, most divisive and hidden gems, counting a person once per movie', () => {
    const t = tasteTrends(
      [
        // Member 1 has Alien as a favourite and 👍: one like.
        s(1, 1, 1),
        s(1, 1, 1),
        s(2, 1, 1),
        s(3, 1, 1),
        s(1, 4, 1),
        s(2, 4, -1),
        s(3, 4, -1),
        s(1, 3, 1),
        s(2, 3, 1, feb),
        s(3, 2, 1, feb),
      ],
      catalog,
    );
    expect(t.contributors).toBe(3);
    expect(t.mostLiked.map((x) => [x.movie.title, x.likes])).toEqual([
      ['Alien', 3],
      ['Obscure Gem', 2],
      ['Heat', 1],
      ['Cats', 1],
    ]);
    expect(t.mostDivisive.map((x) => [x.movie.title, x.likes, x.dislikes])).toEqual([['Cats', 1, 2]]);
    expect(t.hiddenGems.map((x) => x.movie.title)).toEqual(['Obscure Gem', 'Alien']);
    expect(t.topGenres[0]).toEqual({ genre: 'Horror', share: 3 / 7 });
    expect(t.genresByMonth.map((m) => m.month)).toEqual(['2026-01', '2026-02']);
  });

  it('lets a newer 👎 override an older favourite', () => {
    const t = tasteTrends([s(1, 2, 1, jan), s(1, 2, -1, feb), s(2, 1, 1), s(3, 1, 1)], catalog);
    expect(t.mostLiked.map((x) => x.movie.title)).toEqual(['Alien']);
  });
});

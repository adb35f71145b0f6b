import { describe, expect, it } from 'vitest';
import { MovieCatalog } from './catalog.ts';

const movie = (id: number, title: string, year: number) => ({ id, title, year, genres: [], imdbId: null, tmdbId: null });
const catalog = new MovieCatalog(
  [movie(1, 'Matrix, The', 1999), movie(2, 'Matrix Reloaded, The', 2003), movie(3, 'Matrix Revolutions, The', 2003)],
  new Map([
    [1, 300],
    [2, 100],
    [3, 90],
  ]),
);

describe('catalog search', () => {
  it('answers a repeated query the same, keeping limit and offset apart, and a caller cannot spoil it', () => {
    const first = catalog.search('matrix', { limit: 2 });
    expect(first.map((m) => m.id)).toEqual([1, 2]);
    first.pop();
    expect(catalog.search('matrix', { limit: 2 }).map((m) => m.id)).toEqual([1, 2]);
    expect(catalog.search('matrix', { limit: 2, offset: 2 }).map((m) => m.id)).toEqual([3]);
    expect(catalog.search('matrix').map((m) => m.id)).toEqual([1, 2, 3]);
    expect(catalog.search('x'.repeat(10_000))).toEqual([]);
  });
});

describe('catalog links', () => {
  it("finds a movie by another site's id, once linked", () => {
    const linked = new MovieCatalog([
      { id: 2571, title: 'Matrix, The', year: 1999, genres: [], imdbId: 133093, tmdbId: 603 },
      { id: 6, title: 'Heat', year: 1995, genres: [], imdbId: null, tmdbId: 949 },
    ]);
    expect(linked.byImdbId(133093)?.id).toBe(2571);
    expect(linked.byTmdbId(949)?.id).toBe(6);
    expect(linked.byImdbId(113277)).toBeUndefined();
    expect(linked.sameTitle('The Matrix').map((m) => m.id)).toEqual([2571]);
  });
});

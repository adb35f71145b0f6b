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

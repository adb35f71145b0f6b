import { describe, expect, it } from 'vitest';
import { MovieCatalog } from './catalog.ts';
import type { Movie } from './model.ts';

const movie = (id: number, title: string, year: number, tmdbId: number | null = null): Movie => ({ id, title, year, genres: ['Drama'], imdbId: null, tmdbId });

describe('MovieCatalog.upsert', () => {
  it('makes added films searchable and findable for every holder, and forgets cached answers', () => {
    const catalog = new MovieCatalog([movie(1, 'Heat', 1995, 949), movie(2, 'Heathers', 1989)], new Map([[1, 50]]));
    expect(catalog.search('heat').map((m) => m.id)).toEqual([1, 2]);
    expect(catalog.byTmdbId(1054867)).toBeUndefined();
    expect(catalog.upsert([movie(10_000_000, 'Heat Wave', 2025, 1054867), movie(1, 'Heat', 1995, 949)])).toBe(1);
    expect(catalog.size).toBe(3);
    expect(catalog.search('heat wave')[0]?.id).toBe(10_000_000);
    expect(catalog.search('heat').map((m) => m.id)).toContain(10_000_000);
    expect(catalog.byTmdbId(1054867)?.id).toBe(10_000_000);
    // Ratings popularity still ranks: the well-known film stays first.
    expect(catalog.search('heat')[0]?.id).toBe(1);
  });

  it('rewrites a film in place and does nothing when nothing changed', () => {
    const catalog = new MovieCatalog([movie(10_000_000, 'Untitled Project', 2025, 7)]);
    expect(catalog.upsert([movie(10_000_000, 'Untitled Project', 2025, 7)])).toBe(0);
    expect(catalog.upsert([movie(10_000_000, 'The Real Title', 2025, 7)])).toBe(1);
    expect(catalog.search('untitled project')).toEqual([]);
    expect(catalog.get(10_000_000)?.title).toBe('The Real Title');
  });
});

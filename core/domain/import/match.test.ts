import { describe, expect, it } from 'vitest';
import { matchMovie, matchImport, stronger } from './match.ts';
import { MOVIES, smallImportCatalog as catalog } from './testing/catalog.ts';
import type { ImportedMovie, ImportEntry, MovieKey } from './types.ts';

const find = (key: Partial<MovieKey> & { title: string }) => matchMovie({ year: null, ...key }, catalog)?.id;
const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe('matchMovie', () => {
  it("matches by IMDb id, then TMDB id, through the catalog's links, whatever the title says", () => {
    expect(find({ imdbId: 133093, title: 'Matrix (1999) [Remastered]', year: 1999 })).toBe(MOVIES.matrix.id);
    expect(find({ imdbId: 9_999_999, tmdbId: 597, title: 'Titanic' })).toBe(MOVIES.titanic.id);
  });

  it('falls back to the title when the catalog has no link for the id', () => {
    expect(find({ imdbId: 9_999_999, title: 'Heat', year: 1995 })).toBe(MOVIES.heat.id);
  });

  it('finds a title MovieLens spells with its article moved or an alternative title', () => {
    expect(find({ title: 'The Matrix', year: 1999 })).toBe(MOVIES.matrix.id);
    expect(find({ title: 'The Matrix Reloaded', year: 2003 })).toBe(MOVIES.reloaded.id);
    expect(find({ title: 'Amélie', year: 2001 })).toBe(MOVIES.amelie.id);
    expect(find({ title: "Le Fabuleux Destin d'Amélie Poulain", year: 2001 })).toBe(MOVIES.amelie.id);
    expect(find({ title: 'Lock, Stock and Two Smoking Barrels', year: 1998 })).toBe(MOVIES.lock.id);
  });

  it('accepts a year one off and no further', () => {
    expect(find({ title: 'The Matrix', year: 2000 })).toBe(MOVIES.matrix.id);
    expect(find({ title: 'The Matrix', year: 1998 })).toBe(MOVIES.matrix.id);
    expect(find({ title: 'The Matrix', year: 2001 })).toBeUndefined();
  });

  it('chooses between same-titled movies by year, then by how well known they are', () => {
    expect(find({ title: 'Heat', year: 1972 })).toBe(MOVIES.heat1972.id);
    expect(find({ title: 'Heat', year: 1995 })).toBe(MOVIES.heat.id);
    expect(find({ title: 'Titanic', year: 1954 })).toBe(MOVIES.titanic1953.id);
    expect(find({ title: 'Titanic' })).toBe(MOVIES.titanic.id);
  });

  it('matches a catalog movie without a year by title alone', () => {
    expect(find({ title: 'Obscure Short', year: 2015 })).toBe(MOVIES.noYear.id);
  });

  it('finds a title the catalog follows with a subtitle only in the same year', () => {
    expect(find({ title: 'Star Wars', year: 1977 })).toBe(MOVIES.starWars.id);
    expect(find({ title: 'Star Wars', year: 1980 })).toBeUndefined();
    expect(find({ title: 'Star Wars' })).toBeUndefined();
  });

  it('never settles for a part of a title or a typo', () => {
    expect(find({ title: 'Matrix Reloaded 2', year: 2003 })).toBeUndefined();
    expect(find({ title: 'The Matrx', year: 1999 })).toBeUndefined();
    expect(find({ title: 'Lock', year: 1998 })).toBeUndefined();
  });
});

describe('stronger', () => {
  const said = (kind: ImportedMovie['kind'], at?: string): ImportedMovie => ({ movieId: 1, kind, ...(at && { at: day(at) }) });

  it('ranks an opinion over seen, and seen over "later"', () => {
    expect(stronger(said('seen', '2024-05-01'), said('like', '2020-01-01')).kind).toBe('like');
    expect(stronger(said('dislike'), said('seen', '2024-01-01')).kind).toBe('dislike');
    expect(stronger(said('watchlist', '2024-05-01'), said('seen')).kind).toBe('seen');
  });

  it('between 👍 and 👎 keeps the newer, and the 👍 when no date tells', () => {
    expect(stronger(said('like', '2023-01-01'), said('dislike', '2024-01-01')).kind).toBe('dislike');
    expect(stronger(said('dislike', '2024-01-01'), said('like', '2023-01-01')).kind).toBe('dislike');
    expect(stronger(said('dislike'), said('like')).kind).toBe('like');
    expect(stronger(said('dislike', '2024-01-01'), said('like', '2024-01-01')).kind).toBe('like');
  });
});

describe('matchImport', () => {
  const entry = (title: string, year: number | null, kind: ImportEntry['kind'], at?: string): ImportEntry => ({
    key: { title, year },
    kind,
    ...(at && { at: day(at) }),
  });

  it('says one thing per movie, and lists each film not found once, in file order', () => {
    const { movies, notFound } = matchImport(
      [
        entry('The Matrix', 1999, 'seen', '2023-01-01'),
        entry('Parasite', 2019, 'like'),
        entry('Titanic', 1997, 'watchlist'),
        entry('Matrix, The', 1999, 'like', '2023-01-04'),
        entry('Everything Everywhere All at Once', 2022, 'like'),
        entry('parasite', 2019, 'seen'),
      ],
      catalog,
    );
    expect(movies).toEqual([
      { movieId: MOVIES.matrix.id, kind: 'like', at: day('2023-01-04') },
      { movieId: MOVIES.titanic.id, kind: 'watchlist' },
    ]);
    expect(notFound).toEqual([
      { title: 'Parasite', year: 2019 },
      { title: 'Everything Everywhere All at Once', year: 2022 },
    ]);
  });
});

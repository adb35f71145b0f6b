/**
 * The content of the test datasets written by `writeFixture`, as the readers
 * should return it. Kept apart from the writers so tests can compare against it.
 */
import type { LinkRow, MovieRow, TagRow } from '../dataset/types.ts';

export interface FixtureMovie extends MovieRow {
  /** The title as MovieLens writes it, year included. */
  rawTitle: string;
}

/**
 * Chosen for the cases the readers must handle: a comma in the title (quoted
 * in CSV), a non-ASCII title (latin-1 in ml-100k and ml-1m), no year, a
 * year range, a trailing space, no genres, and "Children" (ml-100k and ml-1m
 * write "Children's").
 */
export const FIXTURE_MOVIES: readonly FixtureMovie[] = [
  movie(1, 'Toy Story (1995)', 'Toy Story', 1995, ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy']),
  movie(11, 'American President, The (1995)', 'American President, The', 1995, ['Comedy', 'Drama', 'Romance']),
  movie(4973, "Amélie (Fabuleux destin d'Amélie Poulain, Le) (2001)", "Amélie (Fabuleux destin d'Amélie Poulain, Le)", 2001, ['Comedy', 'Romance']),
  movie(40697, 'Babylon 5', 'Babylon 5', null, ['Sci-Fi']),
  movie(114335, 'La cravate (1957)', 'La cravate', 1957, []),
  movie(2571, 'Matrix, The (1999)', 'Matrix, The', 1999, ['Action', 'Sci-Fi', 'Thriller']),
  movie(96608, 'Runaway Brain (1995) ', 'Runaway Brain', 1995, ['Animation', 'Comedy', 'Sci-Fi']),
  movie(7000, 'Twin Peaks (1990-1991)', 'Twin Peaks', 1990, ['Drama', 'Mystery']),
];

export interface FixtureRating {
  userId: number;
  movieId: number;
  rating: number;
  timestamp: number;
}

/** 30 ratings: 5 users × 6 distinct movies; half stars, or whole stars for ml-100k. */
export function fixtureRatings(wholeStars: boolean): FixtureRating[] {
  const ratings: FixtureRating[] = [];
  for (let userId = 1; userId <= 5; userId++) {
    for (let k = 0; k < 6; k++) {
      const { id } = FIXTURE_MOVIES[(userId + k) % FIXTURE_MOVIES.length]!;
      const rating = wholeStars ? ((userId + k) % 5) + 1 : (((userId * 3 + k * 7) % 10) + 1) / 2;
      ratings.push({ userId, movieId: id, rating, timestamp: 964982703 + userId * 1000 + k });
    }
  }
  return ratings;
}

/** Tags for csv and dat: a comma, a non-ASCII character, and quotes in the text. */
export const FIXTURE_TAGS: readonly TagRow[] = [
  { userId: 1, movieId: 2571, tag: 'sci-fi', timestamp: 1445714994 },
  { userId: 2, movieId: 1, tag: 'pixar', timestamp: 1445714995 },
  { userId: 3, movieId: 4973, tag: 'café', timestamp: 1445714996 },
  { userId: 4, movieId: 11, tag: 'funny, political', timestamp: 1445714997 },
  { userId: 5, movieId: 40697, tag: 'Highly "quotable"', timestamp: 1445714998 },
];

/** CSV only: a quoted tag spanning two physical lines. */
export const MULTILINE_TAG: TagRow = { userId: 5, movieId: 1, tag: 'two\nlines', timestamp: 1445714999 };

/** Read after a malformed row in tags.csv, to show one bad row does not eat the rest. */
export const LAST_TAG: TagRow = { userId: 7, movieId: 2571, tag: 'last one', timestamp: 1445715000 };

/** One link per movie; Babylon 5 has no tmdbId (written as an empty field). */
export const FIXTURE_LINKS: readonly LinkRow[] = FIXTURE_MOVIES.map(({ id }) => ({
  movieId: id,
  imdbId: 100000 + id,
  tmdbId: id === 40697 ? null : id * 10,
}));

function movie(id: number, rawTitle: string, title: string, year: number | null, genres: string[]): FixtureMovie {
  return { id, rawTitle, title, year, genres };
}

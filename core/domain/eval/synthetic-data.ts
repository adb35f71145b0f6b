/**
 * A tiny made-up dataset for the evaluation's tests: seeded, so every run
 * sees the same users; some users have too few positives for each protocol.
 */
import type { TestUser } from './folds.ts';
import type { TrainingData } from '../recommender/types.ts';
import { mulberry32, randomInt, sample } from './random.ts';

/** `users` users over `movies` movies, each rating 4 to 30 of them in half stars. */
export function syntheticData({ users = 60, movies = 80, seed = 7 } = {}): TrainingData {
  const random = mulberry32(seed);
  const movieIds = Array.from({ length: movies }, (_, i) => (i + 1) * 10);
  const rows: { userId: number; movieId: number; rating: number }[] = [];
  for (let userId = 1; userId <= users; userId++) {
    const rated = sample(movieIds, 4 + randomInt(random, 27), random);
    // Lower ids are "better" movies, so popularity has a signal to find.
    for (const movieId of rated) {
      const base = 5 - (movieId / (movies * 10)) * 3 + (random() - 0.5) * 2.5;
      rows.push({ userId, movieId, rating: Math.min(5, Math.max(0.5, Math.round(base * 2) / 2)) });
    }
  }
  return {
    movies: movieIds.map((id) => ({ id, title: `Movie ${id}`, year: 2000, genres: [] })),
    tags: [{ movieId: 10, tag: 'first' }],
    ratings: {
      length: rows.length,
      userIds: Int32Array.from(rows, (r) => r.userId),
      movieIds: Int32Array.from(rows, (r) => r.movieId),
      ratings: Float32Array.from(rows, (r) => r.rating),
    },
  };
}

/** A test user with `positives` rated 4.5, `dislikes` rated 1 and `neutral` rated 3. */
export function testUser(userId: number, positives: number[], dislikes: number[] = [], neutral: number[] = []): TestUser {
  const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
  return {
    userId,
    positives: sorted(positives),
    dislikes: sorted(dislikes),
    rated: sorted([...positives, ...dislikes, ...neutral]),
  };
}

/** Movie ids `from`, `from + 1`, …, `from + n - 1`. */
export function ids(from: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => from + i);
}

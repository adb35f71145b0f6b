import { describe, expect, it } from 'vitest';
import type { TrainingData } from '../recommender/types.ts';
import { popularityRecommender } from './popularity.ts';

// Positives: movie 30 ×3, 20 ×2, 10 ×2, 40 ×1; 50 only rated 3.5; 60 never rated.
const train: TrainingData = {
  movies: [10, 20, 30, 40, 50, 60].map((id) => ({ id, title: `M${id}`, year: null, genres: [] })),
  tags: [],
  ratings: {
    length: 10,
    userIds: Int32Array.from([1, 1, 1, 2, 2, 2, 3, 3, 3, 4]),
    movieIds: Int32Array.from([30, 20, 10, 30, 20, 10, 30, 40, 50, 50]),
    ratings: Float32Array.from([5, 4, 4, 4.5, 4, 4, 4, 4, 3.5, 1]),
  },
};

describe('popularityRecommender', () => {
  const model = popularityRecommender(train);
  const ids = (list: { movieId: number }[]) => list.map((r) => r.movieId);

  it('ranks by positives, ties by id, then the movies with none', () => {
    const list = model.recommend({ likes: [] }, 6);
    expect(ids(list)).toEqual([30, 10, 20, 40, 50, 60]);
    expect(list[0]).toEqual({ movieId: 30, score: 3, because: null });
  });

  it("leaves out the profile's likes, dislikes and seen movies", () => {
    expect(ids(model.recommend({ likes: [30], dislikes: [10], seen: [40] }, 3))).toEqual([20, 50, 60]);
  });

  it("leaves out every member's movies for a group", () => {
    expect(ids(model.recommendGroup([{ likes: [30] }, { likes: [], seen: [10] }, { likes: [20] }], 2))).toEqual([40, 50]);
  });

  it('comes back short only when the catalog runs out', () => {
    expect(model.recommend({ likes: [10, 20] }, 10)).toHaveLength(4);
  });
});

/**
 * The popularity baseline of RECSYS.md: every user gets the movies most often
 * rated ≥ 4.0 in training, minus what they already named. Any model must beat it.
 */
import { POSITIVE_MIN, type Recommendation, type Recommender, type TasteProfile, type TrainingData } from '../recommender/types.ts';
import { excludedMovies } from './violations.ts';

/**
 * Ranks movies by their number of positives in `train` (ties by id); movies
 * with none follow, so a list is short only when the catalog runs out.
 */
export function popularityRecommender(train: TrainingData): Recommender {
  const positives = new Map<number, number>();
  for (const movie of train.movies) positives.set(movie.id, 0);
  const { ratings } = train;
  for (let i = 0; i < ratings.length; i++) {
    const id = ratings.movieIds[i]!;
    positives.set(id, (positives.get(id) ?? 0) + (ratings.ratings[i]! >= POSITIVE_MIN ? 1 : 0));
  }
  const ranked = [...positives].sort((a, b) => b[1] - a[1] || a[0] - b[0]);

  const top = (profiles: readonly TasteProfile[], k: number): Recommendation[] => {
    const excluded = excludedMovies(profiles);
    const out: Recommendation[] = [];
    for (const [movieId, score] of ranked) {
      if (out.length >= k) break;
      if (!excluded.has(movieId)) out.push({ movieId, score, because: null });
    }
    return out;
  };
  return {
    recommend: (profile, k) => top([profile], k),
    recommendGroup: (members, k) => top(members, k),
  };
}

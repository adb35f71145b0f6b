import type { Movie, Recommendation, Recommender, TasteProfile } from '../../core/index.ts';

/**
 * A stand-in model for the web tests, the browser pass and bench:web: picks
 * the movies sharing most genres with the likes, each explained by the like
 * it shares most with. The pages are under test here, not the model.
 */
export class GenreRecommender implements Recommender {
  constructor(private readonly movies: readonly Movie[]) {}

  recommend(profile: TasteProfile, k: number): Recommendation[] {
    const likes = this.movies.filter((m) => profile.likes.includes(m.id));
    const skip = new Set([...profile.likes, ...(profile.dislikes ?? []), ...(profile.seen ?? [])]);
    const overlap = (a: Movie, b: Movie) => a.genres.filter((g) => b.genres.includes(g)).length;
    return this.movies
      .filter((m) => !skip.has(m.id))
      .map((m) => {
        const best = likes.reduce<{ like: Movie | null; n: number }>((acc, l) => (overlap(m, l) > acc.n ? { like: l, n: overlap(m, l) } : acc), {
          like: null,
          n: 0,
        });
        return { movieId: m.id, score: best.n + 1 / (1 + m.id), because: best.like?.id ?? null };
      })
      .sort((a, b) => b.score - a.score || a.movieId - b.movieId)
      .slice(0, k);
  }

  recommendGroup(members: readonly TasteProfile[], k: number): Recommendation[] {
    return this.recommend({ likes: members.flatMap((m) => m.likes), dislikes: members.flatMap((m) => m.dislikes ?? []) }, k);
  }
}

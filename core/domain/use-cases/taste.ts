import type { MovieCatalog } from '../catalog.ts';
import { UserError } from '../errors.ts';
import type { Recommendation, Recommender, TasteProfile } from '../recommender/types.ts';
import type { RecommendDeps, TasteDeps } from './deps.ts';
import type { Movie } from '../model.ts';

export interface RecommendedMovie {
  movie: Movie;
  /** The favourite or 👍 this pick most follows from. */
  because: Movie | null;
}

/** A person's taste as the model reads it: favourites and 👍 are likes, 👎 are dislikes. */
export async function tasteOf(deps: TasteDeps, userId: number | null): Promise<TasteProfile> {
  if (userId === null) return { likes: [], dislikes: [] };
  const [favorites, feedback] = await Promise.all([deps.favorites.list(userId), deps.feedback.current(userId)]);
  return profileOf(favorites, feedback);
}

/** {@link tasteOf} for several people with one read of each store, in the order asked. */
export async function tastesOf(deps: TasteDeps, userIds: readonly number[]): Promise<TasteProfile[]> {
  const [favorites, feedback] = await Promise.all([deps.favorites.listMany(userIds), deps.feedback.currentMany(userIds)]);
  return userIds.map((id) => profileOf(favorites.get(id) ?? [], feedback.get(id) ?? new Map()));
}

function profileOf(favorites: readonly number[], feedback: ReadonlyMap<number, 1 | -1>): TasteProfile {
  const liked = [...feedback].filter(([, v]) => v === 1).map(([id]) => id);
  const disliked = [...feedback].filter(([, v]) => v === -1).map(([id]) => id);
  return { likes: [...new Set([...favorites, ...liked])], dislikes: disliked };
}

/** The model being served, or NO_MODEL_YET for the adapter to word. */
export function currentModel(deps: RecommendDeps): Recommender {
  const model = deps.model();
  if (!model) throw new UserError('NO_MODEL_YET', 'Recommendations are still being prepared; try again in a minute.');
  return model;
}

/** Model picks as catalog movies with the favourite each follows from; ids missing from the catalog are skipped. */
export function toMovies(catalog: MovieCatalog, picks: readonly Recommendation[]): RecommendedMovie[] {
  return picks.flatMap((p) => {
    const movie = catalog.get(p.movieId);
    if (!movie) return [];
    return [{ movie, because: p.because === null ? null : (catalog.get(p.because) ?? null) }];
  });
}

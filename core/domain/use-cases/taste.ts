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

/**
 * A person's taste as the model reads it: favourites and 👍 are likes, 👎
 * are dislikes, and the films they have seen are never offered again (seen
 * is no like: it only says "not this one").
 */
export async function tasteOf(deps: TasteDeps, userId: number | null): Promise<TasteProfile> {
  if (userId === null) return { likes: [], dislikes: [] };
  const [favorites, feedback, seen] = await Promise.all([deps.favorites.list(userId), deps.feedback.current(userId), deps.seen.list(userId)]);
  return profileOf(favorites, feedback, seen);
}

/** {@link tasteOf} for several people with one read of each store, in the order asked. */
export async function tastesOf(deps: TasteDeps, userIds: readonly number[]): Promise<TasteProfile[]> {
  const [favorites, feedback, seen] = await Promise.all([deps.favorites.listMany(userIds), deps.feedback.currentMany(userIds), deps.seen.listMany(userIds)]);
  return userIds.map((id) => profileOf(favorites.get(id) ?? [], feedback.get(id) ?? new Map(), seen.get(id) ?? []));
}

/**
 * The taste a person's own list is made from: {@link tasteOf}, with their
 * watchlist left out too (they already mean to watch those; a group's
 * list still offers them).
 */
export async function personalTasteOf(deps: TasteDeps, userId: number | null): Promise<TasteProfile> {
  if (userId === null) return tasteOf(deps, userId);
  const [taste, later] = await Promise.all([tasteOf(deps, userId), deps.watchlist.list(userId)]);
  return withLeftOut(taste, later);
}

/** {@link personalTasteOf} for several people, one read of each store. */
export async function personalTastesOf(deps: TasteDeps, userIds: readonly number[]): Promise<TasteProfile[]> {
  const [tastes, later] = await Promise.all([tastesOf(deps, userIds), deps.watchlist.listMany(userIds)]);
  return tastes.map((taste, i) => withLeftOut(taste, later.get(userIds[i]!) ?? []));
}

/** The profile, never offered `ids` either. */
export function withLeftOut(taste: TasteProfile, ids: readonly number[]): TasteProfile {
  return ids.length === 0 ? taste : { ...taste, seen: [...new Set([...(taste.seen ?? []), ...ids])] };
}

function profileOf(favorites: readonly number[], feedback: ReadonlyMap<number, 1 | -1>, seen: readonly number[]): TasteProfile {
  const liked = [...feedback].filter(([, v]) => v === 1).map(([id]) => id);
  const disliked = [...feedback].filter(([, v]) => v === -1).map(([id]) => id);
  return { likes: [...new Set([...favorites, ...liked])], dislikes: disliked, seen: [...seen] };
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

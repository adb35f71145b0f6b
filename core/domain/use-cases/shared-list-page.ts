import type { Movie } from '../model.ts';
import type { SharedListStore } from '../ports/shared-list.store.ts';
import type { RecommendDeps } from './deps.ts';
import { personalTasteOf, toMovies, type RecommendedMovie } from './taste.ts';

export interface SharedListDeps extends RecommendDeps {
  sharedLists: SharedListStore;
}

/** What a person's share link shows: their favourites and what the bot recommends them now. */
export interface SharedList {
  /** Internal id of the owner, so a page cache can drop the page when their taste changes. */
  ownerId: number;
  favorites: Movie[];
  /** Empty while no model is served yet: the favourites still make a page. */
  recommendations: RecommendedMovie[];
}

/** The owner of a live share slug; null for unknown or revoked slugs. Cheap enough to ask on every page view. */
export function sharedListOwner(deps: Pick<SharedListDeps, 'sharedLists'>, slug: string): Promise<number | null> {
  return deps.sharedLists.findOwner(slug);
}

/** The shared list behind a slug, or null for an unknown or revoked one. */
export async function sharedListPage(deps: SharedListDeps, slug: string, opts: { k: number }): Promise<SharedList | null> {
  const ownerId = await deps.sharedLists.findOwner(slug);
  if (ownerId === null) return null;
  const [favoriteIds, taste] = await Promise.all([deps.favorites.list(ownerId), personalTasteOf(deps, ownerId)]);
  const model = deps.model();
  const picks = model && taste.likes.length > 0 ? model.recommend(taste, opts.k) : [];
  return {
    ownerId,
    favorites: favoriteIds.flatMap((id) => deps.catalog.get(id) ?? []),
    recommendations: toMovies(deps.catalog, picks),
  };
}

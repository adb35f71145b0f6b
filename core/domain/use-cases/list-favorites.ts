import type { Movie } from '../model.ts';
import type { PlatformIdentity } from '../ports/account.store.ts';
import type { TasteDeps } from './deps.ts';

/** Favourites in the order they were added; movies no longer in the catalog are skipped. */
export async function listFavorites(deps: TasteDeps, identity: PlatformIdentity): Promise<Movie[]> {
  const userId = await deps.accounts.findUser(identity.platform, identity.platformUserId);
  if (userId === null) return [];
  return (await deps.favorites.list(userId)).flatMap((id) => deps.catalog.get(id) ?? []);
}

import type { MovieCatalog } from '../catalog.ts';
import type { TasteChanges } from '../events/taste-changes.ts';
import type { AccountStore } from '../ports/account.store.ts';
import type { FavoriteStore } from '../ports/favorite.store.ts';
import type { FeedbackStore } from '../ports/feedback.store.ts';
import type { SeenStore } from '../ports/seen.store.ts';
import type { WatchlistStore } from '../ports/watchlist.store.ts';
import type { SharedListStore } from '../ports/shared-list.store.ts';
import type { RecommendationCache } from '../ports/recommendation.cache.ts';
import type { UseCaseObserver } from '../ports/use-case-observer.ts';
import type { Recommender } from '../recommender/types.ts';

/** What the use cases need; every adapter (Discord, Telegram, console) passes the same. */
export interface TasteDeps {
  accounts: AccountStore;
  favorites: FavoriteStore;
  feedback: FeedbackStore;
  /** Films each person has watched: never recommended to them again. */
  seen: SeenStore;
  /** Films each person means to watch ("later"): left out of their own recommendations. */
  watchlist: WatchlistStore;
  catalog: MovieCatalog;
  /** Ready lists; every write of a taste drops the person's. Without one every answer is folded in on the spot. */
  recommendations?: RecommendationCache;
  /** Where stored writes are announced; what follows each is in core/domain/subscribers. Without one nothing follows. */
  changes?: TasteChanges;
}

export interface RecommendDeps extends TasteDeps {
  /** The model being served now (it can be swapped while running); null until one is trained. */
  model: () => Recommender | null;
  /** Told how long each answer took (metrics); optional. */
  observer?: UseCaseObserver;
}

export interface ShareDeps {
  accounts: AccountStore;
  sharedLists: SharedListStore;
  /** Base of share links, e.g. https://movies.example.org */
  publicUrl: string;
  /** Where a replaced link is announced (its old page is dropped). */
  changes?: TasteChanges;
}

import type { TasteChanges } from '../../events/taste-changes.ts';
import type { AccountStore } from '../../ports/account.store.ts';
import type { RecommendationCache } from '../../ports/recommendation.cache.ts';

/** What linking accounts needs; every adapter's use-case deps have it. */
export interface LinkDeps {
  accounts: AccountStore;
  /** Ready lists: both people's are dropped when accounts are linked or unlinked. */
  recommendations?: RecommendationCache;
  /** Where a merge or split is announced (recomputes, page drops: core/domain/subscribers). */
  changes?: TasteChanges;
  /** The clock (tests pass their own). */
  now?: () => Date;
}

export function clockOf(deps: LinkDeps): Date {
  return deps.now?.() ?? new Date();
}

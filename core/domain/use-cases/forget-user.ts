import type { TasteChanges } from '../events/taste-changes.ts';
import type { AccountStore, PlatformIdentity } from '../ports/account.store.ts';
import type { CommunityStore } from '../ports/community.store.ts';
import type { RecommendationCache } from '../ports/recommendation.cache.ts';
import type { ServerResultCache } from '../ports/server-result.cache.ts';

/** Deletes everything held about the person behind this identity; false when there was nothing. */
export async function forgetUser(
  deps: {
    accounts: AccountStore;
    recommendations?: RecommendationCache;
    communities?: CommunityStore;
    serverResults?: ServerResultCache;
    changes?: TasteChanges;
  },
  identity: PlatformIdentity,
): Promise<boolean> {
  const userId = await deps.accounts.findUser(identity.platform, identity.platformUserId);
  if (userId === null) return false;
  // Asked before the delete, which takes the memberships with it: their servers' results carry this taste.
  const communities = deps.serverResults ? ((await deps.communities?.communitiesOf(userId)) ?? []) : [];
  await deps.accounts.deleteUser(userId);
  await deps.recommendations?.invalidate(userId);
  // Dropped here, not by a subscriber: nothing made from their taste may be served once this returns.
  for (const communityId of communities) await deps.serverResults?.invalidate(communityId);
  deps.changes?.announce({ type: 'person-forgotten', userId });
  return true;
}

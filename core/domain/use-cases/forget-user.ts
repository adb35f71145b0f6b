import type { AccountStore, PlatformIdentity } from '../ports/account.store.ts';
import type { RecommendationCache } from '../ports/recommendation.cache.ts';

/** Deletes everything held about the person behind this identity; false when there was nothing. */
export async function forgetUser(
  deps: { accounts: AccountStore; recommendations?: RecommendationCache },
  identity: PlatformIdentity,
): Promise<boolean> {
  const userId = await deps.accounts.findUser(identity.platform, identity.platformUserId);
  if (userId === null) return false;
  await deps.accounts.deleteUser(userId);
  await deps.recommendations?.invalidate(userId);
  return true;
}

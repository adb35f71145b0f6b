import { UserError } from '../../errors.ts';
import type { Platform } from '../../model.ts';
import type { PlatformIdentity } from '../../ports/account.store.ts';
import type { LinkDeps } from './link-deps.ts';

/**
 * Takes this identity out of the person it was linked into: it becomes a
 * person of its own with a copy of the favourites and 👍/👎; the others
 * keep theirs (AccountStore.splitIdentity). Both ready lists are dropped,
 * then the split is announced. `others`: the platforms of the identities
 * left behind. NOT_LINKED when the identity is linked to nothing.
 */
export async function unlink(deps: LinkDeps, identity: PlatformIdentity): Promise<{ userId: number; others: Platform[] }> {
  const userId = await deps.accounts.findUser(identity.platform, identity.platformUserId);
  const split = userId === null ? null : await deps.accounts.splitIdentity(identity);
  if (!split) throw new UserError('NOT_LINKED', 'This account is not linked to another one.');
  await deps.recommendations?.invalidate(split.userId);
  await deps.recommendations?.invalidate(split.newUserId);
  deps.changes?.announce({ type: 'person-split', userId: split.userId, newUserId: split.newUserId });
  const others = (await deps.accounts.identitiesOfUser(split.userId)).map((i) => i.platform);
  return { userId: split.newUserId, others };
}

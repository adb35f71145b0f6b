import { UserError } from '../../errors.ts';
import { FAILED_LINK_WINDOW_MS, MAX_FAILED_LINKS, normalizeLinkCode } from '../../link/link-code.ts';
import type { Platform } from '../../model.ts';
import type { LinkCode, PlatformIdentity } from '../../ports/account.store.ts';
import { clockOf, type LinkDeps } from './link-deps.ts';

/** Linked: `userId` is the person both identities are now; `linkedWith` is the platform the code was made on. */
export interface LinkedPeople {
  userId: number;
  absorbed: number;
  linkedWith: Platform;
}

/**
 * Makes this identity and the one that made `typed` one person. The code's
 * person stays and absorbs this identity's (favourites, 👍/👎 — the newer
 * stance wins on a film both rated —, servers, movie-night answers, share
 * link; AccountStore.redeemLinkCode, in one transaction): the process the
 * code was made in may have that person's id cached, while this one can
 * drop its own at once. Both ready lists are dropped, then the merge is
 * announced (recomputes, page drops).
 *
 * A wrong, expired or used code is a UserError and counts as a failed try;
 * after MAX_FAILED_LINKS within FAILED_LINK_WINDOW_MS every try, right or
 * not, is refused until the oldest of them is an hour old. The limit is
 * read before a try and written after it, so tries sent at the same
 * instant are all judged: a few more than the limit, never many.
 */
export async function redeemLink(deps: LinkDeps, identity: PlatformIdentity, typed: string): Promise<LinkedPeople> {
  const now = clockOf(deps);
  const userId = await deps.accounts.resolveUser(identity);
  const failed = await deps.accounts.failedLinksSince(userId, new Date(now.getTime() - FAILED_LINK_WINDOW_MS));
  if (failed.length >= MAX_FAILED_LINKS) {
    const retryAt = new Date(failed[failed.length - MAX_FAILED_LINKS]!.getTime() + FAILED_LINK_WINDOW_MS);
    throw new UserError('LINK_TOO_MANY_TRIES', `Too many wrong link codes; try again after ${retryAt.toISOString()}.`, {
      limit: MAX_FAILED_LINKS,
      retryAt,
    });
  }
  const code = normalizeLinkCode(typed);
  const stored = code === null ? null : await deps.accounts.findLinkCode(code);
  // Not a guess: the person typed a code of their own, on the account that made it or on one already linked.
  if (stored?.userId === userId) {
    if (stored.platform === identity.platform && stored.platformUserId === identity.platformUserId)
      throw new UserError('LINK_OWN_CODE', 'That code was made on this account; type it on the other one.');
    throw new UserError('ALREADY_LINKED', 'These accounts are already linked.');
  }
  const refusal = stored === null ? wrong() : whyNot(stored, now);
  if (refusal) return fail(deps, userId, now, refusal);
  const merged = await deps.accounts.redeemLinkCode(code!, userId, now);
  // Claimed or expired between the read and the claim.
  if (!merged) return fail(deps, userId, now, whyNot((await deps.accounts.findLinkCode(code!)) ?? stored!, now) ?? used());
  await deps.recommendations?.invalidate(merged.userId);
  await deps.recommendations?.invalidate(merged.absorbed);
  deps.changes?.announce({ type: 'people-merged', userId: merged.userId, absorbed: merged.absorbed });
  return { ...merged, linkedWith: stored!.platform };
}

function whyNot(code: LinkCode, now: Date): UserError | null {
  if (code.usedAt) return used();
  if (code.expiresAt.getTime() <= now.getTime()) return new UserError('LINK_CODE_EXPIRED', 'That link code has expired; make a new one with /link.');
  return null;
}

const wrong = () => new UserError('LINK_CODE_WRONG', 'That is not a link code; check it, or make a new one with /link.');
const used = () => new UserError('LINK_CODE_USED', 'That link code has already been used; make a new one with /link.');

async function fail(deps: LinkDeps, userId: number, now: Date, err: UserError): Promise<never> {
  await deps.accounts.recordFailedLink(userId, now);
  throw err;
}

import { LINK_CODE_TTL_MS } from '../../link/link-code.ts';
import type { PlatformIdentity } from '../../ports/account.store.ts';
import { clockOf, type LinkDeps } from './link-deps.ts';

/**
 * A one-time code that links this identity with another: typed there with
 * `link <code>` within LINK_CODE_TTL_MS. A new code replaces the person's
 * previous one, which stops working.
 */
export async function linkCode(deps: LinkDeps, identity: PlatformIdentity): Promise<{ code: string; expiresAt: Date }> {
  const userId = await deps.accounts.resolveUser(identity);
  const expiresAt = new Date(clockOf(deps).getTime() + LINK_CODE_TTL_MS);
  return { code: await deps.accounts.createLinkCode(userId, identity, expiresAt), expiresAt };
}

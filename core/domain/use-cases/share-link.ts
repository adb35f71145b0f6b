import type { PlatformIdentity } from '../ports/account.store.ts';
import type { ShareDeps } from './deps.ts';

/** The person's share page URL, created on first use; `replace` revokes the old link and issues a new one. */
export async function shareLink(deps: ShareDeps, identity: PlatformIdentity, opts: { replace?: boolean } = {}): Promise<string> {
  const userId = await deps.accounts.resolveUser(identity);
  const slug = opts.replace ? await deps.sharedLists.replace(userId) : await deps.sharedLists.getOrCreate(userId);
  return `${deps.publicUrl.replace(/\/+$/, '')}/l/${slug}`;
}

import type { PlatformIdentity } from '../ports/account.store.ts';
import type { ShareDeps } from './deps.ts';

/** The person's share page URL, created on first use; `replace` revokes the old link and issues a new one. */
export async function shareLink(deps: ShareDeps, identity: PlatformIdentity, opts: { replace?: boolean } = {}): Promise<string> {
  const userId = await deps.accounts.resolveUser(identity);
  if (!opts.replace) return urlOf(deps, await deps.sharedLists.getOrCreate(userId));
  const slug = await deps.sharedLists.replace(userId);
  deps.changes?.announce({ type: 'share-link-replaced', userId });
  return urlOf(deps, slug);
}

function urlOf(deps: ShareDeps, slug: string): string {
  return `${deps.publicUrl.replace(/\/+$/, '')}/l/${slug}`;
}

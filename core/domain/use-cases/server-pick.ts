import type { Platform } from '../model.ts';
import type { PlatformIdentity } from '../ports/account.store.ts';
import type { CommunityStore } from '../ports/community.store.ts';
import type { RecommendDeps } from './deps.ts';
import { currentModel, tasteOf, toMovies, type RecommendedMovie } from './taste.ts';

export interface CommunityDeps extends RecommendDeps {
  communities: CommunityStore;
}

export interface CommunityRef {
  platform: Platform;
  id: string;
  name?: string | null;
}

/** Records that this person uses the bot in this server, so the server pick includes them. */
export async function joinCommunity(deps: CommunityDeps, identity: PlatformIdentity, ref: CommunityRef): Promise<void> {
  const community = await deps.communities.ensure(ref.platform, ref.id, ref.name ?? null);
  await deps.communities.addMember(community.id, await deps.accounts.resolveUser(identity));
}

/** One list for the whole server: a fair group recommendation over its members' tastes. */
export async function serverPick(
  deps: CommunityDeps,
  ref: CommunityRef,
  k: number,
): Promise<{ picks: RecommendedMovie[]; members: number }> {
  const model = currentModel(deps);
  const community = await deps.communities.ensure(ref.platform, ref.id, ref.name ?? null);
  const memberIds = await deps.communities.memberIds(community.id);
  const profiles = await Promise.all(memberIds.map((userId) => tasteOf(deps, userId)));
  const withTaste = profiles.filter((p) => p.likes.length > 0 || (p.dislikes?.length ?? 0) > 0);
  const picks = withTaste.length > 0 ? model.recommendGroup(withTaste, k) : model.recommend({ likes: [] }, k);
  return { members: withTaste.length, picks: toMovies(deps.catalog, picks) };
}

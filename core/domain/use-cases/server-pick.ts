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

/** One list for the whole server: a fair group recommendation over its members' tastes, and who they are. */
export async function serverPick(
  deps: CommunityDeps,
  ref: CommunityRef,
  k: number,
): Promise<{ picks: RecommendedMovie[]; members: PlatformIdentity[] }> {
  const model = currentModel(deps);
  const community = await deps.communities.ensure(ref.platform, ref.id, ref.name ?? null);
  const memberIds = await deps.communities.memberIds(community.id);
  const profiles = await Promise.all(memberIds.map(async (userId) => ({ userId, taste: await tasteOf(deps, userId) })));
  const withTaste = profiles.filter(({ taste }) => taste.likes.length > 0 || (taste.dislikes?.length ?? 0) > 0);
  const tastes = withTaste.map((p) => p.taste);
  const picks = tastes.length > 0 ? model.recommendGroup(tastes, k) : model.recommend({ likes: [] }, k);
  const members = await deps.accounts.identitiesOf(withTaste.map((p) => p.userId), ref.platform);
  return { members, picks: toMovies(deps.catalog, picks) };
}

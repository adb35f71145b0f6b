import type { Community } from '../model.ts';
import { serverPick, type CommunityDeps } from './server-pick.ts';
import type { RecommendedMovie } from './taste.ts';

/** The server pick for a community already looked up (e.g. by its trends slug); empty while no model is served. */
export async function communityPick(deps: CommunityDeps, community: Community, k: number): Promise<RecommendedMovie[]> {
  if (deps.model() === null) return [];
  const ref = { platform: community.platform, id: community.platformCommunityId };
  return (await serverPick(deps, ref, k)).picks;
}

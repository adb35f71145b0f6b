import type { Platform } from '../model.ts';
import type { PlatformIdentity } from '../ports/account.store.ts';
import type { CommunityStore } from '../ports/community.store.ts';
import type { ServerResultCache } from '../ports/server-result.cache.ts';
import type { RecommendDeps } from './deps.ts';
import { groupPickNow, READY_PICK, refreshServerResults } from './server-results.ts';
import { currentModel, toMovies, type RecommendedMovie } from './taste.ts';

export interface CommunityDeps extends RecommendDeps {
  communities: CommunityStore;
  /** Ready group picks and trends per community; a member's taste change drops theirs. */
  serverResults?: ServerResultCache;
}

export interface CommunityRef {
  platform: Platform;
  id: string;
  name?: string | null;
}

/**
 * Records that this person uses the bot in this server, so the server pick
 * includes them. Every interaction in a server calls it: only a new member
 * is announced (`member-joined`: the server's results are remade with them).
 */
export async function joinCommunity(deps: CommunityDeps, identity: PlatformIdentity, ref: CommunityRef): Promise<void> {
  const community = await deps.communities.ensure(ref.platform, ref.id, ref.name ?? null);
  const userId = await deps.accounts.resolveUser(identity);
  if (await deps.communities.addMember(community.id, userId)) deps.changes?.announce({ type: 'member-joined', communityId: community.id, userId });
}

/**
 * One list for the whole server: a fair group recommendation over its
 * members' tastes, and who they are. Answered from the ready result when
 * there is one (a recompute-server job keeps it), made on the spot when not.
 */
export async function serverPick(deps: CommunityDeps, ref: CommunityRef, k: number): Promise<{ picks: RecommendedMovie[]; members: PlatformIdentity[] }> {
  const model = currentModel(deps);
  const community = await deps.communities.ensure(ref.platform, ref.id, ref.name ?? null);
  const keep = k <= READY_PICK && deps.serverResults !== undefined;
  const ready = keep ? await deps.serverResults!.getPick(community.id, model) : null;
  if (ready) {
    const [members, now] = await Promise.all([deps.accounts.identitiesOf(ready.memberIds, ref.platform), deps.communities.memberIds(community.id)]);
    // Someone who joined since is not in it, and someone forgotten since has no identity left but is in its
    // taste: either way it is made again. (A member's taste change is the recompute's job: it keeps answering.)
    if (now.length === ready.memberCount && members.length === ready.memberIds.length)
      return { members, picks: toMovies(deps.catalog, ready.picks.slice(0, k)) };
  }
  const pick = keep ? (await refreshServerResults(deps, community.id, model)).pick! : await groupPickNow(deps, community.id, model, k);
  const members = await deps.accounts.identitiesOf(pick.memberIds, ref.platform);
  return { members, picks: toMovies(deps.catalog, pick.picks.slice(0, k)) };
}

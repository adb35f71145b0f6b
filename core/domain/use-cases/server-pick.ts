import type { Platform } from '../model.ts';
import type { PlatformIdentity } from '../ports/account.store.ts';
import type { CommunityStore } from '../ports/community.store.ts';
import type { TasteProfile } from '../recommender/types.ts';
import { UserError } from '../errors.ts';
import type { RecommendDeps } from './deps.ts';
import type { RecommendedMovie } from './recommend.ts';

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
  const model = deps.model();
  if (!model) throw new UserError('NO_MODEL_YET', 'Recommendations are still being prepared; try again in a minute.');
  const community = await deps.communities.ensure(ref.platform, ref.id, ref.name ?? null);
  const memberIds = await deps.communities.memberIds(community.id);
  const profiles: TasteProfile[] = await Promise.all(
    memberIds.map(async (userId) => {
      const [favorites, feedback] = await Promise.all([deps.favorites.list(userId), deps.feedback.current(userId)]);
      const liked = [...feedback].filter(([, v]) => v === 1).map(([id]) => id);
      return { likes: [...new Set([...favorites, ...liked])], dislikes: [...feedback].filter(([, v]) => v === -1).map(([id]) => id) };
    }),
  );
  const withTaste = profiles.filter((p) => p.likes.length > 0 || (p.dislikes?.length ?? 0) > 0);
  const picks = withTaste.length > 0 ? model.recommendGroup(withTaste, k) : model.recommend({ likes: [] }, k);
  return {
    members: withTaste.length,
    picks: picks.flatMap((p) => {
      const movie = deps.catalog.get(p.movieId);
      return movie ? [{ movie, because: p.because === null ? null : (deps.catalog.get(p.because) ?? null) }] : [];
    }),
  };
}

import type { Community } from '../model.ts';
import type { TasteTrends } from '../trends/taste-trends.ts';
import type { CommunityDeps, CommunityRef } from './server-pick.ts';
import { communityTrends } from './server-results.ts';

export interface ServerTrends {
  community: Community;
  trends: TasteTrends;
  /** The server's web page, or null when its admins turned it off. */
  pageUrl: string | null;
}

/** The server's taste: top genres, most liked, most divisive, hidden gems; from the ready result when there is one. */
export async function serverTrends(deps: CommunityDeps, ref: CommunityRef, publicUrl: string): Promise<ServerTrends> {
  const community = await deps.communities.ensure(ref.platform, ref.id, ref.name ?? null);
  return trendsOf(deps, community, publicUrl);
}

/** Trends of a community found by its page slug; null for an unknown slug or a page turned off. */
export async function trendsBySlug(deps: CommunityDeps, slug: string, publicUrl: string): Promise<ServerTrends | null> {
  const community = await deps.communities.findByTrendsSlug(slug);
  if (!community || !community.trendsEnabled) return null;
  return trendsOf(deps, community, publicUrl);
}

/** Admins decide whether the server's trends have a public page. */
export async function setTrendsPage(deps: CommunityDeps, ref: CommunityRef, enabled: boolean): Promise<void> {
  const community = await deps.communities.ensure(ref.platform, ref.id, ref.name ?? null);
  await deps.communities.setTrendsEnabled(community.id, enabled);
  deps.changes?.announce({ type: 'trends-page-switched', communityId: community.id, enabled });
}

async function trendsOf(deps: CommunityDeps, community: Community, publicUrl: string): Promise<ServerTrends> {
  const trends = await communityTrends(deps, community.id);
  const pageUrl = community.trendsEnabled ? `${publicUrl.replace(/\/+$/, '')}/s/${community.trendsSlug}` : null;
  return { community, trends, pageUrl };
}

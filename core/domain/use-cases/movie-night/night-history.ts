import type { Movie, Platform } from '../../model.ts';
import type { MovieNight, NightSummary } from '../../movie-night/movie-night.ts';
import type { PlatformIdentity } from '../../ports/account.store.ts';
import type { CommunityRef } from '../server-pick.ts';
import { nowOf, type NightDeps } from './night-deps.ts';

/** The server's past nights with their films, newest first (films no longer in the catalog left out). */
export async function movieNightHistory(deps: NightDeps, community: CommunityRef, limit: number): Promise<{ summary: NightSummary; movie: Movie }[]> {
  const c = await deps.communities.ensure(community.platform, community.id, community.name ?? null);
  const summaries = await deps.nights.history(c.id, limit);
  return summaries.flatMap((summary) => {
    const movie = deps.catalog.get(summary.winnerMovieId);
    return movie ? [{ summary, movie }] : [];
  });
}

/** A platform's nights with something due now: a poll to send, a vote to close, "how was it?" to ask. */
export async function dueMovieNights(deps: NightDeps, platform: Platform): Promise<{ toVote: MovieNight[]; toClose: MovieNight[]; toFinish: MovieNight[] }> {
  return deps.nights.due(platform, nowOf(deps));
}

/** The people behind these user ids on a platform (names, mentions), in order; anyone without an identity there is left out. */
export async function nightPeople(deps: NightDeps, userIds: readonly number[], platform: Platform): Promise<PlatformIdentity[]> {
  return deps.accounts.identitiesOf(userIds, platform);
}

/**
 * A community on in-memory stores with the small three-taste model, for
 * tests outside core (workers, wiring) that need real use cases but no
 * database. core/domain/testing holds the fakes; this only assembles them.
 */
import { addFavorite, EaseRecommender, joinCommunity, MovieCatalog, type CommunityDeps, type Recommender, type ServerResultCache } from '../../core/index.ts';
import { MemoryCommunities } from '../../core/domain/testing/memory-communities.ts';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback } from '../../core/domain/testing/memory-stores.ts';
import { plainMath } from '../../core/domain/recommender/dense-math.ts';
import { DEFAULT_FIT, fitEase } from '../../core/domain/recommender/fit/fit-ease.ts';
import { DEFAULT_SERVING } from '../../core/domain/recommender/serving-params.ts';
import { clusteredData } from '../../core/domain/recommender/testing/clustered-data.ts';

const data = clusteredData();
export const smallCatalog = new MovieCatalog(data.movies.map((m) => ({ ...m, imdbId: null, tmdbId: null })));

/** The model of the three-taste world (sci-fi 1–12, romance 21–32, horror 41–52); fitted in well under a second. */
export async function smallModel(): Promise<Recommender> {
  return new EaseRecommender(await fitEase(data, DEFAULT_FIT, plainMath), { ...DEFAULT_SERVING, lambdaKnots: [[3, 20]] });
}

export type MemoryCommunityDeps = CommunityDeps & { communities: MemoryCommunities };

/** Memory stores over the small catalog; members' favourites and feedback feed the community signals. */
export function memoryCommunityDeps(model: Recommender, serverResults?: ServerResultCache): MemoryCommunityDeps {
  const favorites = new MemoryFavorites();
  const feedback = new MemoryFeedback();
  const communities = new MemoryCommunities({ favorites, feedback });
  const accounts = new MemoryAccounts([(userId) => communities.dropUser(userId)]);
  return { accounts, favorites, feedback, communities, catalog: smallCatalog, model: () => model, serverResults };
}

/** Joins each Discord person to the guild with their favourites; returns the community id. */
export async function seedGuild(deps: CommunityDeps, guildId: string, members: Record<string, readonly number[]>): Promise<number> {
  const guild = { platform: 'discord' as const, id: guildId };
  for (const [who, movies] of Object.entries(members)) {
    const identity = { platform: 'discord' as const, platformUserId: who };
    await joinCommunity(deps, identity, guild);
    for (const id of movies) await addFavorite(deps, identity, id);
  }
  return (await deps.communities.ensure('discord', guildId)).id;
}

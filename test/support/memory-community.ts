/**
 * A community on in-memory stores with the small three-taste model, for
 * tests outside core (workers, wiring) that need real use cases but no
 * database. core/domain/testing holds the fakes; this only assembles them.
 */
import {
  addFavorite,
  joinCommunity,
  type CommunityDeps,
  type ImportDeps,
  type NightDeps,
  type Recommender,
  type ServerResultCache,
  type ShareDeps,
} from '../../core/index.ts';
import { MemoryCommunities } from '../../core/domain/testing/memory-communities.ts';
import { MemoryMovieNights } from '../../core/domain/testing/memory-movie-nights.ts';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback, MemorySharedLists } from '../../core/domain/testing/memory-stores.ts';
import { MemoryImports, MemorySeen, MemoryWatchlist } from '../../core/domain/testing/memory-taste-lists.ts';
import { ZipArchiveReader } from '../../core/infra/archive/zip-archive.reader.ts';
import { smallCatalog, smallModel } from '../../core/domain/testing/small-world.ts';

export { smallCatalog, smallModel };

export type MemoryCommunityDeps = NightDeps &
  ImportDeps & {
    accounts: MemoryAccounts;
    communities: MemoryCommunities;
    feedback: MemoryFeedback;
    seen: MemorySeen;
    watchlist: MemoryWatchlist;
    imports: MemoryImports;
    nights: MemoryMovieNights;
  };

/** Memory stores over the small catalog; members' favourites and feedback feed the community signals (and movie nights' "how was it?"). Uploaded ZIPs are read for real. */
export function memoryCommunityDeps(model: Recommender, serverResults?: ServerResultCache): MemoryCommunityDeps {
  const favorites = new MemoryFavorites();
  const feedback = new MemoryFeedback();
  const seen = new MemorySeen();
  const watchlist = new MemoryWatchlist();
  const communities = new MemoryCommunities({ favorites, feedback });
  const nights = new MemoryMovieNights(feedback);
  // Linking and unlinking accounts carries favourites, feedback, seen films, watchlists, memberships and movie nights along, as the database does.
  const accounts = new MemoryAccounts(
    [(userId) => communities.dropUser(userId), (userId) => seen.dropUser(userId), (userId) => watchlist.dropUser(userId), (userId) => nights.dropUser(userId)],
    [favorites, feedback, seen, watchlist, communities, nights],
  );
  const imports = new MemoryImports({ feedback, seen, watchlist });
  const archives = new ZipArchiveReader();
  return { accounts, favorites, feedback, seen, watchlist, imports, archives, communities, nights, catalog: smallCatalog, model: () => model, serverResults };
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

/** Share deps over the same accounts, so a share link belongs to the person the other use cases know. */
export function memoryShareDeps(deps: MemoryCommunityDeps, publicUrl = 'https://movies.example'): ShareDeps {
  const sharedLists = new MemorySharedLists();
  deps.accounts.hold(sharedLists);
  return { accounts: deps.accounts, sharedLists, publicUrl };
}

import { accountLinkContract } from './account-links.contract.ts';
import { MemoryCommunities } from './memory-communities.ts';
import { MemoryMovieNights } from './memory-movie-nights.ts';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback, MemorySharedLists } from './memory-stores.ts';
import { MemorySeen, MemoryWatchlist } from './memory-taste-lists.ts';

/** The in-memory stores the use-case tests run on link and unlink people as the databases do. */
accountLinkContract('memory', async () => {
  const favorites = new MemoryFavorites();
  const feedback = new MemoryFeedback();
  const communities = new MemoryCommunities({ favorites, feedback });
  const sharedLists = new MemorySharedLists();
  const nights = new MemoryMovieNights(feedback);
  const seen = new MemorySeen();
  const watchlist = new MemoryWatchlist();
  const accounts = new MemoryAccounts(
    [(userId) => communities.dropUser(userId), (userId) => nights.dropUser(userId), (userId) => seen.dropUser(userId), (userId) => watchlist.dropUser(userId)],
    [favorites, feedback, communities, sharedLists, nights, seen, watchlist],
  );
  const movies = [101, 102, 103, 104, 105, 106, 107, 108];
  return { accounts, favorites, feedback, communities, sharedLists, nights, seen, watchlist, movies, close: async () => {} };
});

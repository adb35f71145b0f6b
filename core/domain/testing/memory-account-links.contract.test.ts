import { accountLinkContract } from './account-links.contract.ts';
import { MemoryCommunities } from './memory-communities.ts';
import { MemoryMovieNights } from './memory-movie-nights.ts';
import { MemoryAccounts, MemoryFavorites, MemoryFeedback, MemorySharedLists } from './memory-stores.ts';

/** The in-memory stores the use-case tests run on link and unlink people as the databases do. */
accountLinkContract('memory', async () => {
  const favorites = new MemoryFavorites();
  const feedback = new MemoryFeedback();
  const communities = new MemoryCommunities({ favorites, feedback });
  const sharedLists = new MemorySharedLists();
  const nights = new MemoryMovieNights(feedback);
  const accounts = new MemoryAccounts(
    [(userId) => communities.dropUser(userId), (userId) => nights.dropUser(userId)],
    [favorites, feedback, communities, sharedLists, nights],
  );
  return { accounts, favorites, feedback, communities, sharedLists, nights, movies: [101, 102, 103, 104, 105, 106, 107, 108], close: async () => {} };
});

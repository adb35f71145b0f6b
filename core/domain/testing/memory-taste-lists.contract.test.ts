import { MemoryAccounts, MemoryFeedback } from './memory-stores.ts';
import { MemoryImports, MemorySeen, MemoryWatchlist } from './memory-taste-lists.ts';
import { tasteListsContract } from './taste-lists.contract.ts';

/** The in-memory stores the use-case tests run on keep the same promises as the databases. */
tasteListsContract('memory', async () => {
  const feedback = new MemoryFeedback();
  const seen = new MemorySeen();
  const watchlist = new MemoryWatchlist();
  const accounts = new MemoryAccounts([(userId) => seen.dropUser(userId), (userId) => watchlist.dropUser(userId)]);
  let next = 0;
  return {
    seen,
    watchlist,
    feedback,
    imports: new MemoryImports({ feedback, seen, watchlist }),
    movies: Array.from({ length: 2_500 }, (_, i) => 1_001 + i),
    user: () => accounts.resolveUser({ platform: 'discord', platformUserId: `u${++next}` }),
    forget: (userId) => accounts.deleteUser(userId),
    close: async () => {},
  };
});

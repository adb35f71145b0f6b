import { MemoryMovieNights } from './memory-movie-nights.ts';
import { movieNightStoreContract } from './movie-night-store.contract.ts';
import { MemoryAccounts, MemoryFeedback } from './memory-stores.ts';

/** The in-memory store the use-case tests run on keeps the same promises as the databases. */
movieNightStoreContract('memory', async () => {
  const feedback = new MemoryFeedback();
  const nights = new MemoryMovieNights(feedback);
  const accounts = new MemoryAccounts([(userId) => nights.dropUser(userId)]);
  let next = 0;
  return {
    nights,
    movies: [101, 102, 103, 104, 105, 106, 107, 108],
    user: () => accounts.resolveUser({ platform: 'discord', platformUserId: `u${++next}` }),
    community: async () => ++next,
    async feedback(userId, movieId, value, source, communityId) {
      await feedback.record({ userId, movieId, value, source, communityId });
    },
    forget: (userId) => accounts.deleteUser(userId),
    close: async () => {},
  };
});

import { movieNightStoreContract, type MovieNightFixture } from '../../domain/testing/movie-night-store.contract.ts';
import { BACKENDS } from '../../../test/support/databases.ts';
import { createRepositories } from '../../wiring.ts';

/** The movie-night contract on both databases, through the same repositories the product uses. */
for (const backend of BACKENDS) {
  movieNightStoreContract(backend.name, async (): Promise<MovieNightFixture> => {
    const handle = await backend.open();
    const repos = createRepositories(handle.database.db);
    const movies = Array.from({ length: 8 }, (_, n) => 101 + n);
    await handle.database.sql.query(`INSERT INTO movies (id, title, year) SELECT id, 'Film ' || id, 2000 FROM unnest($1::int[]) AS id`, [movies]);
    let next = 0;
    return {
      nights: repos.nights,
      movies,
      user: () => repos.accounts.resolveUser({ platform: 'discord', platformUserId: `night-user-${++next}` }),
      community: async () => (await repos.communities.ensure('discord', `night-guild-${++next}`)).id,
      async feedback(userId, movieId, value, source, communityId) {
        await repos.feedback.record({ userId, movieId, value, source, communityId });
      },
      forget: (userId) => repos.accounts.deleteUser(userId),
      close: () => handle.drop(),
    };
  });
}

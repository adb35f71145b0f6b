import { CONTRACT_MOVIES, movieDetailsStoreContract } from '../../domain/testing/movie-details-store.contract.ts';
import { BACKENDS } from '../../../test/support/databases.ts';
import { createRepositories } from '../../wiring.ts';
import { movies } from './schema.ts';

/** The TMDB stores' contract on both databases, through the same repositories the product uses. */
for (const backend of BACKENDS) {
  movieDetailsStoreContract(backend.name, async () => {
    const handle = await backend.open();
    const repos = createRepositories(handle.database.db);
    await handle.database.db.insert(movies).values([...CONTRACT_MOVIES]);
    return { details: repos.movieDetails, additions: repos.catalogAdditions, close: () => handle.drop() };
  });
}

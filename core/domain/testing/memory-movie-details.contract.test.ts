import { MemoryCatalogAdditions, MemoryMovieDetails } from './memory-movie-details.ts';
import { CONTRACT_MOVIES, movieDetailsStoreContract } from './movie-details-store.contract.ts';

/** The in-memory stores the use-case tests run on keep the same promises as the databases. */
movieDetailsStoreContract('memory', async () => {
  const additions = new MemoryCatalogAdditions(CONTRACT_MOVIES);
  return { details: new MemoryMovieDetails(() => additions.links()), additions, close: async () => {} };
});

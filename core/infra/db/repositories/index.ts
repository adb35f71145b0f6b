import type { Db } from '../database.types.ts';
import { AccountsRepository } from './accounts.repository.ts';
import { CatalogAdditionsRepository } from './catalog-additions.repository.ts';
import { CatalogRepository } from './catalog.repository.ts';
import { CommunitiesRepository } from './communities.repository.ts';
import { FavoritesRepository } from './favorites.repository.ts';
import { FeedbackRepository } from './feedback.repository.ts';
import { ImportsRepository } from './imports.repository.ts';
import { ModelVersionsRepository } from './model-versions.repository.ts';
import { MovieDetailsRepository } from './movie-details.repository.ts';
import { MovieNightsRepository } from './movie-nights.repository.ts';
import { SeenRepository } from './seen.repository.ts';
import { SharedListsRepository } from './shared-lists.repository.ts';
import { WatchlistRepository } from './watchlist.repository.ts';

/** Every store, over one database handle; the same code serves Postgres and PGlite. */
export function createRepositories(db: Db) {
  return {
    catalog: new CatalogRepository(db),
    accounts: new AccountsRepository(db),
    communities: new CommunitiesRepository(db),
    favorites: new FavoritesRepository(db),
    feedback: new FeedbackRepository(db),
    sharedLists: new SharedListsRepository(db),
    modelVersions: new ModelVersionsRepository(db),
    nights: new MovieNightsRepository(db),
    seen: new SeenRepository(db),
    watchlist: new WatchlistRepository(db),
    imports: new ImportsRepository(db),
    movieDetails: new MovieDetailsRepository(db),
    catalogAdditions: new CatalogAdditionsRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

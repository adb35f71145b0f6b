export { movieCard, movieCards, type MovieCard, type MovieCardDeps } from './movie-cards.ts';
export { enrichMovie, type EnrichDeps, type EnrichOutcome } from './enrich-movie.ts';
export { enrichmentDue, purgeExpiredDetails, ENRICH_BATCH } from './enrichment-due.ts';
export { syncCatalog, type CatalogSyncDeps, type CatalogSyncOptions, type CatalogSyncResult } from './sync-catalog.ts';

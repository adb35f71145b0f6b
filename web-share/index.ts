export { buildWebApp, type WebAppOptions } from './app.ts';
export type { HealthProbe, HealthReport } from './health.ts';
export type { ShareSiteOptions } from './share-pages.ts';
export { tmdbPosters, noPosters, type PosterSource } from './posters/posters.ts';
export { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './plugins/security.ts';

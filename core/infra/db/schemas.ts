/**
 * Every table and enum: what drizzle-kit generates migrations from
 * (drizzle.config.ts) and what drizzle is opened with. Repositories import
 * the file that defines their tables.
 */
export * from './schema.ts';
export * from './schema-movie-nights.ts';
export * from './schema-seen.ts';
export * from './schema-links.ts';
export * from './schema-tmdb.ts';

/** The MovieLens dataset readers: what the importer may use. */
export { detectDataset } from './detect.ts';
export { readLinks, readMovies, readRatings, readTags } from './readers.ts';
export { normalizeGenres, parseGenres, parseTitle, type ParsedTitle } from './title.ts';
export { ML100K_GENRES } from './ml100k-layout.ts';
export * from './types.ts';

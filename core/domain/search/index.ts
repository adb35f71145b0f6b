/** Movie title search: what the rest of core uses. */
export { TitleIndex, DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, type SearchHit, type SearchOptions } from './title-index.ts';
export type { SearchableMovie } from './movie-table.ts';
export { displayTitle, splitTitle, type TitleParts } from './title-parts.ts';
export { normalizeText, tokenize } from './normalize.ts';

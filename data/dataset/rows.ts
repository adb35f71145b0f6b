/** Row builders shared by the layouts, which differ only in how fields are split. */
import { positiveId, RowError, tagText, timestamp } from './fields.ts';
import { parseTitle } from './title.ts';
import type { MovieRow, TagRow } from './types.ts';

/** `fallbackYear` is used when the title has none (ml-100k also has a release date). */
export function movieRow(id: string | undefined, rawTitle: string | undefined, genres: string[], fallbackYear: number | null = null): MovieRow {
  const movieId = positiveId(id, 'movieId');
  const { title, year } = parseTitle(rawTitle ?? '');
  if (title === '') throw new RowError('title is empty');
  return { id: movieId, title, year: year ?? fallbackYear, genres };
}

export function tagRow(userId: string | undefined, movieId: string | undefined, tag: string | undefined, seconds: string | undefined): TagRow {
  return {
    userId: positiveId(userId, 'userId'),
    movieId: positiveId(movieId, 'movieId'),
    tag: tagText(tag),
    timestamp: timestamp(seconds),
  };
}

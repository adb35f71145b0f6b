/**
 * ml-latest, ml-latest-small, ml-20m, ml-25m, ml-32m: UTF-8 CSV files with a
 * header line; titles and tags with commas are double-quoted.
 */
import { splitCsv } from './csv.ts';
import { expectFields, HALF_STARS, optionalId, positiveId } from './fields.ts';
import type { LayoutFormat } from './layout.ts';
import { movieRow, tagRow } from './rows.ts';
import { parseGenres } from './title.ts';

export const csvLayout: LayoutFormat = {
  layout: 'csv',
  description: 'MovieLens CSV (ml-latest, ml-latest-small, ml-20m, ml-25m, ml-32m)',
  fileNames: { movies: 'movies.csv', ratings: 'ratings.csv', tags: 'tags.csv', links: 'links.csv' },
  movies: {
    header: 'movieId,title,genres',
    split: splitCsv,
    toRow(fields) {
      expectFields(fields, 3);
      return movieRow(fields[0], fields[1], parseGenres(fields[2]!));
    },
  },
  ratings: { separator: ',', header: 'userId,movieId,rating,timestamp', scale: HALF_STARS, split: splitCsv },
  tags: {
    header: 'userId,movieId,tag,timestamp',
    split: splitCsv,
    toRow(fields) {
      expectFields(fields, 4);
      return tagRow(fields[0], fields[1], fields[2], fields[3]);
    },
  },
  links: {
    header: 'movieId,imdbId,tmdbId',
    split: splitCsv,
    toRow(fields) {
      expectFields(fields, 3);
      return {
        movieId: positiveId(fields[0], 'movieId'),
        imdbId: optionalId(fields[1], 'imdbId'),
        tmdbId: optionalId(fields[2], 'tmdbId'),
      };
    },
  },
};

/**
 * ml-1m and ml-10m: `::`-separated .dat files without a header. ml-1m is
 * latin-1 (handled line by line in lines.ts) and names a genre "Children's".
 * Titles and tags are the fields between the fixed ones, so a stray "::"
 * inside them does not shift the columns.
 */
import { expectAtLeastFields, HALF_STARS } from './fields.ts';
import type { LayoutFormat } from './layout.ts';
import { movieRow, tagRow } from './rows.ts';
import { parseGenres } from './title.ts';

const splitDat = (text: string): string[] => text.split('::');

export const datLayout: LayoutFormat = {
  layout: 'dat',
  description: "MovieLens '::' .dat files (ml-1m, ml-10m)",
  fileNames: { movies: 'movies.dat', ratings: 'ratings.dat', tags: 'tags.dat' },
  movies: {
    split: splitDat,
    toRow(fields) {
      expectAtLeastFields(fields, 3);
      const title = fields.slice(1, -1).join('::');
      return movieRow(fields[0], title, parseGenres(fields.at(-1)!));
    },
  },
  // ml-1m has whole stars and ml-10m half stars: both fit the half-star scale.
  ratings: { separator: '::', scale: HALF_STARS, split: splitDat },
  tags: {
    split: splitDat,
    toRow(fields) {
      expectAtLeastFields(fields, 4);
      return tagRow(fields[0], fields[1], fields.slice(2, -1).join('::'), fields.at(-1));
    },
  },
};

/**
 * ml-100k: u.item is pipe-separated latin-1 with genres as 19 0/1 flags;
 * u.data is tab-separated. No header, no tags, no links.
 */
import { expectFields, RowError, WHOLE_STARS } from './fields.ts';
import type { LayoutFormat } from './layout.ts';
import { movieRow } from './rows.ts';
import { normalizeGenres } from './title.ts';

/** The flag columns of u.item, in order (from the ml-100k README / u.genre). */
export const ML100K_GENRES = [
  'unknown',
  'Action',
  'Adventure',
  'Animation',
  "Children's",
  'Comedy',
  'Crime',
  'Documentary',
  'Drama',
  'Fantasy',
  'Film-Noir',
  'Horror',
  'Musical',
  'Mystery',
  'Romance',
  'Sci-Fi',
  'Thriller',
  'War',
  'Western',
] as const;

/** id, title, release date, video release date, IMDb URL. */
const LEADING_FIELDS = 5;

export const ml100kLayout: LayoutFormat = {
  layout: 'ml-100k',
  description: 'MovieLens 100K (u.item, u.data)',
  fileNames: { movies: 'u.item', ratings: 'u.data' },
  movies: {
    split: (text) => text.split('|'),
    toRow(fields) {
      expectFields(fields, LEADING_FIELDS + ML100K_GENRES.length);
      const names: string[] = [];
      ML100K_GENRES.forEach((name, i) => {
        const flag = fields[LEADING_FIELDS + i];
        if (flag === '1') names.push(name);
        else if (flag !== '0') throw new RowError(`genre flag for ${name} must be 0 or 1, got ${JSON.stringify(flag)}`);
      });
      return movieRow(fields[0], fields[1], normalizeGenres(names), releaseYear(fields[2]));
    },
  },
  ratings: { separator: '\t', scale: WHOLE_STARS, split: (text) => text.split('\t') },
};

/** "01-Jan-1995" → 1995, for the few titles without a "(year)". */
function releaseYear(date: string | undefined): number | null {
  const match = /(\d{4})$/.exec(date?.trim() ?? '');
  return match ? Number(match[1]) : null;
}

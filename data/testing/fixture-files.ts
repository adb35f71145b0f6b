/**
 * The files of each fixture layout, with bad rows mixed in on request. Each
 * bad row carries a fragment of the message the readers must give for it.
 */
import { ML100K_GENRES } from '../dataset/ml100k-layout.ts';
import type { Layout } from '../dataset/types.ts';
import { FIXTURE_LINKS, FIXTURE_MOVIES, FIXTURE_TAGS, fixtureRatings, LAST_TAG, MULTILINE_TAG } from './fixture-data.ts';

/** One row of a file; `problem` marks a bad row with a fragment of its message. */
export interface Entry {
  text: string;
  problem?: string;
}

export interface FileSpec {
  name: string;
  header?: string;
  encoding: 'utf8' | 'latin1';
  entries: Entry[];
}

export const FIXTURE_FILES: Record<Layout, (malformed: boolean) => FileSpec[]> = {
  csv: (malformed) => [
    {
      name: 'movies.csv',
      header: 'movieId,title,genres',
      encoding: 'utf8',
      entries: mix(
        FIXTURE_MOVIES.map((m) => csvRow(m.id, m.rawTitle, genresField(m.genres))),
        malformed,
        [
          bad('abc,Broken (2000),Drama', 'movieId must be a positive integer'),
          bad('1,Toy Story again (1995),Comedy', 'movieId 1 appears again'),
          bad('999,No genres field (2000)', 'expected 3 fields, got 2'),
        ],
      ),
    },
    {
      name: 'ratings.csv',
      header: 'userId,movieId,rating,timestamp',
      encoding: 'utf8',
      entries: mix(
        fixtureRatings(false).map((r) => csvRow(r.userId, r.movieId, r.rating.toFixed(1), r.timestamp)),
        malformed,
        [
          bad('1,1,7.0,964982703', 'rating must be between 0.5 and 5, got 7.0'),
          bad('1,99999,4.0,964982703', 'movieId 99999 is not in movies.csv'),
          { text: '' }, // a blank line: skipped, not a problem
          bad('2,1,4.0', 'expected 4 fields, got 3'),
          bad('x,1,4.0,964982703', 'userId must be a positive integer'),
          bad('3,1,4.0,-5', 'timestamp must be a non-negative integer'),
        ],
      ),
    },
    {
      name: 'tags.csv',
      header: 'userId,movieId,tag,timestamp',
      encoding: 'utf8',
      entries: [
        ...mix(
          [...FIXTURE_TAGS, MULTILINE_TAG].map((t) => csvRow(t.userId, t.movieId, t.tag, t.timestamp)),
          malformed,
          [bad('1,99999,ghost,1445714994', 'movieId 99999 is not in movies.csv')],
        ),
        // A quote that never closes must cost only its own line.
        ...(malformed ? [bad('6,1,"unterminated,1445714994', 'quoted field is not closed')] : []),
        { text: csvRow(LAST_TAG.userId, LAST_TAG.movieId, LAST_TAG.tag, LAST_TAG.timestamp) },
      ],
    },
    {
      name: 'links.csv',
      header: 'movieId,imdbId,tmdbId',
      encoding: 'utf8',
      entries: mix(
        FIXTURE_LINKS.map((l) => csvRow(l.movieId, String(l.imdbId).padStart(7, '0'), l.tmdbId ?? '')),
        malformed,
        [
          bad('12,tt0114709,862', 'imdbId must be a positive integer'),
          bad('99999,0999999,1', 'movieId 99999 is not in movies.csv'),
          bad('1,0100001,10', 'movieId 1 has a second link'),
        ],
      ),
    },
  ],
  dat: (malformed) => [
    {
      name: 'movies.dat',
      encoding: 'latin1', // as ml-1m
      entries: mix(
        FIXTURE_MOVIES.map((m) => [m.id, m.rawTitle, oldGenresField(m.genres)].join('::')),
        malformed,
        [bad('7::Only two fields', 'expected 3 fields, got 2'), bad('1::Toy Story again (1995)::Comedy', 'movieId 1 appears again')],
      ),
    },
    {
      name: 'ratings.dat',
      encoding: 'utf8',
      entries: mix(
        fixtureRatings(false).map((r) => [r.userId, r.movieId, r.rating, r.timestamp].join('::')),
        malformed,
        [
          bad('1::1::7::964982703', 'rating must be between 0.5 and 5, got 7'),
          bad('1::99999::4::964982703', 'movieId 99999 is not in movies.dat'),
          bad('2::1::4', 'expected 4 fields, got 3'),
        ],
      ),
    },
    {
      name: 'tags.dat',
      encoding: 'utf8', // as ml-10m
      entries: mix(
        FIXTURE_TAGS.map((t) => [t.userId, t.movieId, t.tag, t.timestamp].join('::')),
        malformed,
        [bad('1::99999::ghost::1445714994', 'movieId 99999 is not in movies.dat'), bad('2::1::::1445714994', 'tag is empty')],
      ),
    },
  ],
  'ml-100k': (malformed) => [
    {
      name: 'u.item',
      encoding: 'latin1',
      entries: mix(
        FIXTURE_MOVIES.map((m) => itemRow(m.id, m.rawTitle, m.year, genreFlags(m.genres))),
        malformed,
        [
          bad(itemRow(5000, 'Short Row (1990)', 1990, genreFlags([])).replace(/\|0$/, ''), 'expected 24 fields, got 23'),
          bad(itemRow(5001, 'Bad Flag (1990)', 1990, genreFlags([]).replace(/^1/, '2')), 'genre flag for unknown'),
        ],
      ),
    },
    {
      name: 'u.data',
      encoding: 'utf8',
      entries: mix(
        fixtureRatings(true).map((r) => [r.userId, r.movieId, r.rating, r.timestamp].join('\t')),
        malformed,
        [
          bad('1\t1\t3.5\t881250949', 'rating must be a whole number from 1 to 5, got 3.5'),
          bad('1\t1\t7\t881250949', 'rating must be between 1 and 5, got 7'),
          bad('1\t99999\t4\t881250949', 'movieId 99999 is not in u.item'),
          bad('2\t1\t4', 'expected 4 fields, got 3'),
        ],
      ),
    },
  ],
};

function bad(text: string, problem: string): Entry {
  return { text, problem };
}

/** Spreads the bad entries evenly among the good ones (when `malformed`). */
function mix(good: string[], malformed: boolean, bads: Entry[]): Entry[] {
  const entries: Entry[] = good.map((text) => ({ text }));
  if (!malformed) return entries;
  // From the back, so earlier insert positions stay valid.
  for (let i = bads.length - 1; i >= 0; i--) {
    entries.splice(Math.floor(((i + 1) * good.length) / (bads.length + 1)), 0, bads[i]!);
  }
  return entries;
}

function csvRow(...fields: Array<string | number>): string {
  return fields
    .map((field) => {
      const text = String(field);
      return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',');
}

function genresField(genres: readonly string[]): string {
  return genres.length === 0 ? '(no genres listed)' : genres.join('|');
}

/** ml-1m spells "Children" the old way. */
function oldGenresField(genres: readonly string[]): string {
  return genresField(genres.map((g) => (g === 'Children' ? "Children's" : g)));
}

function genreFlags(genres: readonly string[]): string {
  const old = new Set(genres.map((g) => (g === 'Children' ? "Children's" : g)));
  return ML100K_GENRES.map((name) => (old.has(name) || (name === 'unknown' && old.size === 0) ? '1' : '0')).join('|');
}

function itemRow(id: number, rawTitle: string, year: number | null, flags: string): string {
  const released = year === null ? '' : `01-Jan-${year}`;
  const url = `http://us.imdb.com/M/title-exact?${encodeURIComponent(rawTitle.trim())}`;
  return [id, rawTitle, released, '', url, flags].join('|');
}

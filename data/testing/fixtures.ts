/**
 * Writes small MovieLens datasets, in any layout, for the dataset readers'
 * tests and the importer's. See `writeFixture`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Layout, LinkRow, MovieRow, TagRow } from '../dataset/types.ts';
import { FIXTURE_LINKS, FIXTURE_MOVIES, FIXTURE_TAGS, fixtureRatings, LAST_TAG, MULTILINE_TAG, type FixtureMovie, type FixtureRating } from './fixture-data.ts';
import { FIXTURE_FILES, type FileSpec } from './fixture-files.ts';

const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);

export { FIXTURE_LINKS, FIXTURE_MOVIES, FIXTURE_TAGS, fixtureRatings, type FixtureMovie, type FixtureRating };

export interface FixtureOptions {
  /** Also write bad rows (listed in `Fixture.problems`) among the good ones. */
  malformed?: boolean;
  /** End lines with "\r\n" instead of "\n". */
  crlf?: boolean;
  /** Start every file with a UTF-8 byte-order mark, as Excel's "CSV UTF-8" and Notepad save. */
  bom?: boolean;
}

/** How many valid rows each file holds (bad rows not counted); 0 when the layout has no such file. */
export interface FixtureCounts {
  movies: number;
  ratings: number;
  tags: number;
  links: number;
}

/** A bad row the readers must report. */
export interface ExpectedProblem {
  /** `join(dir, fileName)`: equal to `RowProblem.file` when the dataset was detected from the same `dir`. */
  file: string;
  /** 1-based physical line. */
  line: number;
  /** A fragment of the expected `RowProblem.message`. */
  message: string;
}

export interface Fixture {
  dir: string;
  layout: Layout;
  counts: FixtureCounts;
  /** The valid rows, as the readers should return them (in file order). */
  expected: { movies: MovieRow[]; ratings: FixtureRating[]; tags: TagRow[]; links: LinkRow[] };
  /**
   * With `malformed`, the bad rows, sorted by file then line; otherwise empty.
   * Problems about unknown movies are only reported when the reader is given
   * `movieIds` (the ids from the movies file).
   */
  problems: ExpectedProblem[];
  /** The same, as `file:line` strings. */
  locations: string[];
}

/**
 * Writes a small dataset in `layout` into `dir` (created if needed): 8 movies
 * (a quoted title with a comma, "Amélie" — latin-1 for ml-100k and the dat
 * movies file as in ml-1m —, one without genres, one without a year), 30
 * ratings, tags for csv and dat (ml-10m style, UTF-8), and links for csv.
 *
 * @returns the counts and rows to expect, and the bad rows' locations.
 */
export async function writeFixture(dir: string, layout: Layout, opts: FixtureOptions = {}): Promise<Fixture> {
  await mkdir(dir, { recursive: true });
  const malformed = opts.malformed ?? false;
  const files = FIXTURE_FILES[layout](malformed);
  const problems: ExpectedProblem[] = [];
  for (const file of files) {
    const bytes = render(file, opts.crlf ? '\r\n' : '\n', join(dir, file.name), problems);
    await writeFile(join(dir, file.name), opts.bom ? Buffer.concat([BYTE_ORDER_MARK, bytes]) : bytes);
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const expected = {
    movies: FIXTURE_MOVIES.map(({ id, title, year, genres }) => ({ id, title, year, genres })),
    ratings: fixtureRatings(layout === 'ml-100k'),
    tags: layout === 'csv' ? [...FIXTURE_TAGS, MULTILINE_TAG, LAST_TAG] : layout === 'dat' ? [...FIXTURE_TAGS] : [],
    links: layout === 'csv' ? [...FIXTURE_LINKS] : [],
  };
  return {
    dir,
    layout,
    counts: {
      movies: expected.movies.length,
      ratings: expected.ratings.length,
      tags: expected.tags.length,
      links: expected.links.length,
    },
    expected,
    problems,
    locations: problems.map((p) => `${p.file}:${p.line}`),
  };
}

function render(file: FileSpec, eol: string, path: string, problems: ExpectedProblem[]): Buffer {
  const lines: string[] = file.header === undefined ? [] : [file.header];
  let line = lines.length + 1;
  for (const entry of file.entries) {
    if (entry.problem !== undefined) problems.push({ file: path, line, message: entry.problem });
    lines.push(entry.text.replaceAll('\n', eol));
    line += entry.text.split('\n').length;
  }
  const text = lines.join(eol) + eol;
  if (file.encoding === 'latin1' && [...text].some((c) => c.charCodeAt(0) > 0xff)) {
    throw new Error(`fixture ${file.name} has characters latin-1 cannot encode`);
  }
  return Buffer.from(text, file.encoding);
}

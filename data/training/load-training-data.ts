/**
 * Reads a MovieLens folder (any layout the dataset readers know) into the
 * model's `TrainingData`: the catalog, every rating as one column table, and
 * the tags. Training on a file with broken rows is refused, not skipped.
 */
import { stat } from 'node:fs/promises';
import type { CatalogMovie, MovieTag, RatingsTable, TrainingData } from '../../core/index.ts';
import { detectDataset, readMovies, readRatings, readTags, type DatasetFiles, type RowProblem } from '../dataset/index.ts';
import { RatingsBuilder } from './ratings-builder.ts';

/** How many bad rows the error message names. */
const LISTED_PROBLEMS = 5;
/** How many bad rows are kept on the error; the rest are only counted (a file may be all bad). */
const KEPT_PROBLEMS = 100;

/** The dataset has malformed rows: `problems` holds the first ones, `total` counts them all. */
export class TrainingDataError extends Error {
  constructor(
    readonly problems: readonly RowProblem[],
    readonly total: number,
    dir: string,
  ) {
    const listed = problems.slice(0, LISTED_PROBLEMS).map((p) => `  ${p.file}:${p.line}: ${p.message}`);
    const more = total > listed.length ? [`  … and ${total - listed.length} more`] : [];
    super([`${dir}: ${total} malformed row(s); fix them before training:`, ...listed, ...more].join('\n'));
    this.name = 'TrainingDataError';
  }
}

/** The first bad rows of one file, and how many there were. */
class Problems {
  readonly kept: RowProblem[] = [];
  total = 0;

  add(problems: readonly RowProblem[]): void {
    this.total += problems.length;
    for (const p of problems) if (this.kept.length < KEPT_PROBLEMS) this.kept.push(p);
  }

  /** Throws when any row of the file was bad, before the next file is read. */
  refuse(dir: string): void {
    if (this.total > 0) throw new TrainingDataError(this.kept, this.total, dir);
  }
}

/**
 * Loads `dir` (or its single dataset subfolder) for training. Ratings and
 * tags are optional in the folder and come back empty when absent.
 *
 * @throws DatasetError when there is no dataset or a file is unreadable as a whole.
 * @throws TrainingDataError when any row is malformed (each file is checked before the next is read).
 */
export async function loadTrainingData(dir: string): Promise<TrainingData> {
  const files = await detectDataset(dir);
  const movies = await loadMovies(files);
  const movieIds = new Set(movies.map((m) => m.id));
  const ratings = await loadRatings(files, movieIds);
  const tags = await loadTags(files, movieIds);
  return { movies, ratings, tags };
}

async function loadMovies(files: DatasetFiles): Promise<CatalogMovie[]> {
  const movies: CatalogMovie[] = [];
  const problems = new Problems();
  for await (const batch of readMovies(files)) {
    for (const { id, title, year, genres } of batch.rows) movies.push({ id, title, year, genres });
    problems.add(batch.problems);
  }
  problems.refuse(files.dir);
  return movies;
}

async function loadRatings(files: DatasetFiles, movieIds: ReadonlySet<number>): Promise<RatingsTable> {
  const builder = new RatingsBuilder();
  if (files.ratings === undefined) return builder.finish();
  const size = (await stat(files.ratings)).size;
  const problems = new Problems();
  let rows = 0;
  for await (const batch of readRatings(files, { movieIds })) {
    rows += batch.count;
    // Rows so far over the share of the file read so far, plus 2% for the guess.
    const expected = batch.bytesRead > 0 ? Math.ceil((rows * size * 1.02) / batch.bytesRead) : 0;
    builder.append(batch, expected);
    problems.add(batch.problems);
  }
  problems.refuse(files.dir);
  return builder.finish();
}

async function loadTags(files: DatasetFiles, movieIds: ReadonlySet<number>): Promise<MovieTag[]> {
  const tags: MovieTag[] = [];
  if (files.tags === undefined) return tags;
  const problems = new Problems();
  for await (const batch of readTags(files, { movieIds })) {
    for (const { movieId, tag } of batch.rows) tags.push({ movieId, tag });
    problems.add(batch.problems);
  }
  problems.refuse(files.dir);
  return tags;
}

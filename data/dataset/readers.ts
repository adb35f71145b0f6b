/**
 * The four public readers. Each streams one file of a detected dataset and
 * yields batches; bad rows come back as `problems` in the batches, never as
 * exceptions. A `DatasetError` is thrown only when a file as a whole is
 * wrong: at once when the dataset has no such file (check `files.tags` etc.
 * first), or while reading when the file cannot be opened or its CSV header
 * is not the expected one.
 */
import { basename } from 'node:path';
import { DEFAULT_BATCH_SIZE, toBatches } from './batches.ts';
import { RowError } from './fields.ts';
import type { RowFormat } from './layout.ts';
import { layoutFormat } from './layouts.ts';
import { readRatingFile } from './ratings.ts';
import { readRecords } from './records.ts';
import { type Batch, DatasetError, type DatasetFiles, type LinkRow, type MovieRow, type RatingBatch, type ReadOptions, type TagRow } from './types.ts';

/** Reads the movies file. A movie id seen twice is a problem on the second row. */
export function readMovies(files: DatasetFiles, opts: ReadOptions = {}): AsyncGenerator<Batch<MovieRow>> {
  const format = layoutFormat(files.layout).movies;
  const firstLine = new Map<number, number>();
  return readRows(files.movies, format, opts, (row, line) => {
    const seen = firstLine.get(row.id);
    if (seen !== undefined) throw new RowError(`movieId ${row.id} appears again (first on line ${seen})`);
    firstLine.set(row.id, line);
  });
}

/** Reads the ratings file as column batches. With `opts.movieIds`, unknown movies are problems. */
export function readRatings(files: DatasetFiles, opts: ReadOptions = {}): AsyncGenerator<RatingBatch> {
  const file = need(files, files.ratings, 'ratings');
  return readRatingFile(file, layoutFormat(files.layout).ratings, {
    batchSize: opts.batchSize ?? DEFAULT_BATCH_SIZE,
    movieIds: opts.movieIds,
    moviesName: basename(files.movies),
  });
}

/** Reads the tags file (csv and ml-10m only). With `opts.movieIds`, unknown movies are problems. */
export function readTags(files: DatasetFiles, opts: ReadOptions = {}): AsyncGenerator<Batch<TagRow>> {
  const file = need(files, files.tags, 'tags');
  const format = need(files, layoutFormat(files.layout).tags, 'tags');
  return readRows(file, format, opts, knownMovie(files, opts));
}

/** Reads the links file (csv only). A second link for the same movie is a problem. */
export function readLinks(files: DatasetFiles, opts: ReadOptions = {}): AsyncGenerator<Batch<LinkRow>> {
  const file = need(files, files.links, 'links');
  const format = need(files, layoutFormat(files.layout).links, 'links');
  const checkMovie = knownMovie(files, opts);
  const firstLine = new Map<number, number>();
  return readRows(file, format, opts, (row, line) => {
    checkMovie(row);
    const seen = firstLine.get(row.movieId);
    if (seen !== undefined) throw new RowError(`movieId ${row.movieId} has a second link (first on line ${seen})`);
    firstLine.set(row.movieId, line);
  });
}

function readRows<T>(file: string, format: RowFormat<T>, opts: ReadOptions, check: (row: T, line: number) => void): AsyncGenerator<Batch<T>> {
  return toBatches(readRecords(file, format), file, opts.batchSize ?? DEFAULT_BATCH_SIZE, (fields, line) => {
    const row = format.toRow(fields);
    check(row, line);
    return row;
  });
}

function knownMovie(files: DatasetFiles, opts: ReadOptions): (row: { movieId: number }) => void {
  const ids = opts.movieIds;
  const moviesName = basename(files.movies);
  return (row) => {
    if (ids && !ids.has(row.movieId)) throw new RowError(`movieId ${row.movieId} is not in ${moviesName}`);
  };
}

function need<T>(files: DatasetFiles, value: T | undefined, what: string): T {
  if (value === undefined) throw new DatasetError(`${files.dir} has no ${what} file (${files.description})`);
  return value;
}

/**
 * What the MovieLens readers yield. Readers stream a file and hand out batches
 * (a few thousand rows) so that a 25M-row ratings file is read with bounded
 * memory; ratings come column-wise in typed arrays because they are the hot path.
 */

export type Layout = 'csv' | 'dat' | 'ml-100k';

/** The files of one MovieLens release, as found by `detectDataset`. */
export interface DatasetFiles {
  dir: string;
  layout: Layout;
  /** Human name of the layout, e.g. "ml-latest/ml-25m CSV". */
  description: string;
  movies: string;
  ratings?: string;
  tags?: string;
  links?: string;
}

/** A row that could not be read: reported to the user as `file:line: message`. */
export interface RowProblem {
  file: string;
  line: number;
  message: string;
}

export interface MovieRow {
  id: number;
  /** Title without the trailing "(year)", as MovieLens spells it ("Matrix, The"). */
  title: string;
  year: number | null;
  /** Empty for "(no genres listed)". */
  genres: string[];
}

export interface LinkRow {
  movieId: number;
  imdbId: number | null;
  tmdbId: number | null;
}

export interface TagRow {
  userId: number;
  movieId: number;
  tag: string;
  /** Unix seconds. */
  timestamp: number;
}

export interface Batch<T> {
  rows: T[];
  problems: RowProblem[];
  /** Bytes of the file consumed so far (for progress). */
  bytesRead: number;
}

export interface RatingBatch {
  count: number;
  userIds: Int32Array;
  movieIds: Int32Array;
  ratings: Float32Array;
  /** Unix seconds. */
  timestamps: Float64Array;
  problems: RowProblem[];
  bytesRead: number;
}

export interface ReadOptions {
  /** Ids from the movies file: a rating or tag naming another id is a problem row. */
  movieIds?: ReadonlySet<number>;
  /** Rows per batch (default 8192). */
  batchSize?: number;
}

export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

/**
 * The ratings reader: the hot path (25M lines in ml-25m, 32M in ml-32m). Lines
 * are parsed straight from the bytes into typed arrays with no string or
 * object per line. Any line the fast path does not accept as-is (quotes,
 * spaces, bad values, unknown movie) is decoded and re-read by the slow path,
 * which either accepts it or says exactly what is wrong; so both paths agree.
 */
import { expectFields, positiveId, rating, RowError, timestamp } from './fields.ts';
import { checkHeader } from './header.ts';
import type { RatingSyntax } from './layout.ts';
import { decodeLine, readByteChunks } from './lines.ts';
import type { RatingBatch, RowProblem } from './types.ts';

export interface RatingReadContext {
  batchSize: number;
  movieIds?: ReadonlySet<number>;
  /** Name used in "movieId 7 is not in movies.csv". */
  moviesName: string;
}

interface Columns {
  userIds: Int32Array;
  movieIds: Int32Array;
  ratings: Float32Array;
  timestamps: Float64Array;
}

const NL = 10;
const CR = 13;
const DOT = 46;

export async function* readRatingFile(
  file: string,
  syntax: RatingSyntax,
  context: RatingReadContext,
): AsyncGenerator<RatingBatch> {
  const { batchSize, movieIds } = context;
  const sep = syntax.separator.charCodeAt(0);
  const wide = syntax.separator.length === 2;
  const { min, max, wholeStars } = syntax.scale;
  let columns = allocate(batchSize);
  let count = 0;
  let problems: RowProblem[] = [];
  let line = 0;
  let needHeader = syntax.header !== undefined;
  let bytesRead = 0;

  for await (const chunk of readByteChunks(file)) {
    const buf = chunk.buf;
    const base = chunk.bytesRead - buf.length;
    let pos = 0;
    while (pos < buf.length) {
      const nl = buf.indexOf(NL, pos);
      line++;
      const end = nl > pos && buf[nl - 1] === CR ? nl - 1 : nl;
      if (needHeader) {
        checkHeader(file, decodeLine(buf, pos, end), syntax.header!);
        needHeader = false;
      } else if (end > pos) {
        const ok =
          parseFast(buf, pos, end, sep, wide, wholeStars, columns, count) &&
          columns.ratings[count]! >= min &&
          columns.ratings[count]! <= max &&
          (movieIds === undefined || movieIds.has(columns.movieIds[count]!));
        if (ok) {
          count++;
        } else {
          try {
            slowPath(decodeLine(buf, pos, end), syntax, context, columns, count);
            count++;
          } catch (err) {
            if (!(err instanceof RowError)) throw err;
            problems.push({ file, line, message: err.message });
          }
        }
      }
      pos = nl + 1;
      if (count + problems.length >= batchSize) {
        bytesRead = Math.max(bytesRead, base + pos);
        yield batch(columns, count, problems, bytesRead);
        columns = allocate(batchSize);
        count = 0;
        problems = [];
      }
    }
    bytesRead = Math.max(bytesRead, chunk.bytesRead);
  }
  if (needHeader) checkHeader(file, undefined, syntax.header!);
  if (count > 0 || problems.length > 0) yield batch(columns, count, problems, bytesRead);
}

// Cursor of the fast-path number reader; module-level so the hot loop allocates nothing.
let cursor = 0;

/** Reads ASCII digits at `cursor`: their value, or -1 when there are none or more than `maxDigits`. */
function digits(buf: Buffer, end: number, maxDigits: number): number {
  const start = cursor;
  let value = 0;
  while (cursor < end) {
    const c = buf[cursor]!;
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
    cursor++;
  }
  const n = cursor - start;
  return n === 0 || n > maxDigits ? -1 : value;
}

function separator(buf: Buffer, end: number, sep: number, wide: boolean): boolean {
  if (cursor >= end || buf[cursor] !== sep) return false;
  if (wide && buf[cursor + 1] !== sep) return false;
  cursor += wide ? 2 : 1;
  return true;
}

/**
 * Parses `user SEP movie SEP rating SEP timestamp` exactly, writing row `i`.
 * Ids are capped at 9 digits so they fit Int32 without a range check; ranges
 * and movie ids are checked by the caller.
 */
function parseFast(
  buf: Buffer,
  start: number,
  end: number,
  sep: number,
  wide: boolean,
  wholeStars: boolean,
  columns: Columns,
  i: number,
): boolean {
  cursor = start;
  const user = digits(buf, end, 9);
  if (user <= 0 || !separator(buf, end, sep, wide)) return false;
  const movie = digits(buf, end, 9);
  if (movie <= 0 || !separator(buf, end, sep, wide)) return false;
  let stars = digits(buf, end, 2);
  if (stars < 0) return false;
  if (buf[cursor] === DOT && cursor < end) {
    if (wholeStars) return false;
    cursor++;
    const from = cursor;
    const fraction = digits(buf, end, 6);
    if (fraction < 0) return false;
    stars += fraction / 10 ** (cursor - from);
  }
  if (!separator(buf, end, sep, wide)) return false;
  const seconds = digits(buf, end, 15);
  if (seconds < 0 || cursor !== end) return false;
  columns.userIds[i] = user;
  columns.movieIds[i] = movie;
  columns.ratings[i] = stars;
  columns.timestamps[i] = seconds;
  return true;
}

/** Validates a line the fast path rejected; writes row `i` or throws `RowError`. */
function slowPath(text: string, syntax: RatingSyntax, context: RatingReadContext, columns: Columns, i: number): void {
  const fields = syntax.split(text);
  if (fields === null) throw new RowError('a quoted field is not closed on this line');
  expectFields(fields, 4);
  const user = positiveId(fields[0], 'userId');
  const movie = positiveId(fields[1], 'movieId');
  const stars = rating(fields[2], syntax.scale);
  const seconds = timestamp(fields[3]);
  if (context.movieIds && !context.movieIds.has(movie)) {
    throw new RowError(`movieId ${movie} is not in ${context.moviesName}`);
  }
  columns.userIds[i] = user;
  columns.movieIds[i] = movie;
  columns.ratings[i] = stars;
  columns.timestamps[i] = seconds;
}

function allocate(size: number): Columns {
  return {
    userIds: new Int32Array(size),
    movieIds: new Int32Array(size),
    ratings: new Float32Array(size),
    timestamps: new Float64Array(size),
  };
}

function batch(columns: Columns, count: number, problems: RowProblem[], bytesRead: number): RatingBatch {
  const full = count === columns.userIds.length;
  return {
    count,
    userIds: full ? columns.userIds : columns.userIds.subarray(0, count),
    movieIds: full ? columns.movieIds : columns.movieIds.subarray(0, count),
    ratings: full ? columns.ratings : columns.ratings.subarray(0, count),
    timestamps: full ? columns.timestamps : columns.timestamps.subarray(0, count),
    problems,
    bytesRead,
  };
}

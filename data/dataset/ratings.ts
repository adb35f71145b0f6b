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

export async function* readRatingFile(file: string, syntax: RatingSyntax, context: RatingReadContext): AsyncGenerator<RatingBatch> {
  const { batchSize, movieIds } = context;
  const { min, max, wholeStars } = syntax.scale;
  const fast = new FastLineParser(syntax.separator.charCodeAt(0), syntax.separator.length === 2, wholeStars);
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
          fast.parse(buf, pos, end, columns, count) &&
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

/**
 * Reads `user SEP movie SEP rating SEP timestamp` straight from the bytes.
 * One per file being read: its cursor is a field, so the hot loop allocates
 * nothing and two files read at once do not share it.
 */
class FastLineParser {
  private buf: Buffer = Buffer.alloc(0);
  private end = 0;
  private cursor = 0;

  constructor(
    private readonly sep: number,
    private readonly wide: boolean,
    private readonly wholeStars: boolean,
  ) {}

  /**
   * Parses buf[start … end) exactly, writing row `i`; false for any line it
   * does not accept as-is. Ids are capped at 9 digits so they fit Int32
   * without a range check; ranges and movie ids are checked by the caller.
   */
  parse(buf: Buffer, start: number, end: number, columns: Columns, i: number): boolean {
    this.buf = buf;
    this.end = end;
    this.cursor = start;
    const user = this.digits(9);
    if (user <= 0 || !this.separator()) return false;
    const movie = this.digits(9);
    if (movie <= 0 || !this.separator()) return false;
    let stars = this.digits(2);
    if (stars < 0) return false;
    if (buf[this.cursor] === DOT && this.cursor < end) {
      if (this.wholeStars) return false;
      this.cursor++;
      const from = this.cursor;
      const fraction = this.digits(6);
      if (fraction < 0) return false;
      stars += fraction / 10 ** (this.cursor - from);
    }
    if (!this.separator()) return false;
    const seconds = this.digits(15);
    if (seconds < 0 || this.cursor !== end) return false;
    columns.userIds[i] = user;
    columns.movieIds[i] = movie;
    columns.ratings[i] = stars;
    columns.timestamps[i] = seconds;
    return true;
  }

  /** Reads ASCII digits at the cursor: their value, or -1 when there are none or more than `maxDigits`. */
  private digits(maxDigits: number): number {
    const { buf, end } = this;
    const start = this.cursor;
    let cursor = start;
    let value = 0;
    while (cursor < end) {
      const c = buf[cursor]!;
      if (c < 48 || c > 57) break;
      value = value * 10 + (c - 48);
      cursor++;
    }
    this.cursor = cursor;
    const n = cursor - start;
    return n === 0 || n > maxDigits ? -1 : value;
  }

  private separator(): boolean {
    const { buf, cursor, sep } = this;
    if (cursor >= this.end || buf[cursor] !== sep) return false;
    if (this.wide && buf[cursor + 1] !== sep) return false;
    this.cursor = cursor + (this.wide ? 2 : 1);
    return true;
  }
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

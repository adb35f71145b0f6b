/**
 * The lists of rows a query is scored on, each ascending (best-known
 * first) so that ranking can stop early: the rows of the exact title, the
 * rows whose spelling starts with the first word, and every row containing
 * the rarest query word.
 */
import type { Term } from './match.ts';
import { formKey, type MovieTable } from './movie-table.ts';

/** Marks rows, pass after pass, without clearing an array or building a Set each time. */
export class RowMarks {
  private readonly marks: Uint32Array;
  private stamp = 1;

  constructor(rows: number) {
    this.marks = new Uint32Array(rows);
  }

  /** Starts a new pass in which no row is marked. */
  clear(): void {
    if (++this.stamp === 0xffffffff) {
      this.marks.fill(0);
      this.stamp = 1;
    }
  }

  /** Marks a row; false when it already was marked in this pass. */
  mark(row: number): boolean {
    if (this.marks[row] === this.stamp) return false;
    this.marks[row] = this.stamp;
    return true;
  }
}

export class RowLists {
  private readonly seen: RowMarks;
  // Scratch lists, reused: search is synchronous, and the caller is done with
  // a list before asking for the next of the same kind.
  private readonly rows: Int32Array;
  private readonly leads: Int32Array;

  constructor(private readonly table: MovieTable) {
    this.seen = new RowMarks(table.ids.length);
    this.rows = new Int32Array(table.ids.length);
    this.leads = new Int32Array(table.ids.length);
  }

  /** Rows with a spelling made of exactly these words (the exact-title tier without typos). */
  exact(terms: readonly Term[]): readonly number[] {
    const ids = terms.map((term) => term.exact);
    return ids.includes(-1) ? [] : (this.table.exactForms.get(formKey(ids)) ?? []);
  }

  /**
   * Rows with a spelling that starts with the first word of any reading
   * (as a prefix if it is the reading's only word): the only rows that can
   * be title prefixes without typos.
   */
  leading(readings: readonly (readonly Term[])[]): Int32Array {
    const { leadStart, leadPostings } = this.table;
    const ranges = readings.map((terms): [number, number] => {
      const first = terms[0]!;
      if (terms.length === 1) return [first.lo, first.hi];
      return first.exact < 0 ? [0, 0] : [first.exact, first.exact + 1];
    });
    return this.collect(this.leads, ranges, leadStart, leadPostings);
  }

  /** Rows containing a match for the term with the fewest postings: every match is among them. */
  containing(terms: readonly Term[]): Int32Array {
    const { postingStart, postings } = this.table;
    return this.collect(this.rows, this.rarest(terms).ranges, postingStart, postings);
  }

  /** How many rows `containing` would list, at most (cheap: no row is visited). */
  containingSize(terms: readonly Term[]): number {
    return this.rarest(terms).size;
  }

  /** The word-id ranges of the term with the fewest postings, and their number. */
  private rarest(terms: readonly Term[]): { ranges: [number, number][]; size: number } {
    const { postingStart } = this.table;
    let best: { ranges: [number, number][]; size: number } = { ranges: [], size: 0 };
    terms.forEach((term, i) => {
      const ranges: [number, number][] = [[term.lo, term.hi]];
      for (const id of term.fuzzy?.keys() ?? []) if (id < term.lo || id >= term.hi) ranges.push([id, id + 1]);
      const size = ranges.reduce((sum, [lo, hi]) => sum + postingStart[hi]! - postingStart[lo]!, 0);
      if (i === 0 || size < best.size) best = { ranges, size };
    });
    return best;
  }

  /** The distinct rows posted under the word-id ranges, ascending, in `buffer`. */
  private collect(buffer: Int32Array, ranges: readonly [number, number][], start: Int32Array, postings: Int32Array) {
    this.seen.clear();
    let count = 0;
    let words = 0;
    for (const [lo, hi] of ranges) {
      words += hi - lo;
      for (let p = start[lo]!; p < start[hi]!; p++) {
        const row = postings[p]!;
        if (this.seen.mark(row)) buffer[count++] = row;
      }
    }
    const rows = buffer.subarray(0, count);
    // One word's postings are already in order; a union of several is not.
    return words > 1 ? rows.sort() : rows;
  }
}

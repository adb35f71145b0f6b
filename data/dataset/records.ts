/**
 * Turns a text file into records (lists of fields), each tagged with the
 * physical line it starts on. Used for movies, tags and links; ratings have
 * their own byte-level reader because they are the hot path.
 */
import { RowError } from './fields.ts';
import { checkHeader } from './header.ts';
import { readTextLines } from './lines.ts';
import type { RowProblem } from './types.ts';

/** How one layout's file splits into fields. */
export interface RecordSyntax {
  /** Exact header line, for files that have one (CSV). */
  header?: string;
  /**
   * Fields of one record, or `null` when it continues on the next line (a
   * CSV quoted field spanning lines). May throw `RowError`.
   */
  split(text: string): string[] | null;
}

export interface TextRecord {
  fields: string[];
  /** 1-based line the record starts on. */
  line: number;
}

export interface RecordChunk {
  records: TextRecord[];
  problems: RowProblem[];
  bytesRead: number;
}

/** A record that has not closed its quotes by then is given up on. */
const MAX_RECORD_CHARS = 64 * 1024;

export async function* readRecords(file: string, syntax: RecordSyntax): AsyncGenerator<RecordChunk> {
  const assembler = new RecordAssembler(file, syntax.split);
  let needHeader = syntax.header !== undefined;
  let bytesRead = 0;
  for await (const chunk of readTextLines(file)) {
    bytesRead = chunk.bytesRead;
    const out: RecordChunk = { records: [], problems: [], bytesRead };
    let i = 0;
    if (needHeader && syntax.header !== undefined) {
      checkHeader(file, chunk.lines[0], syntax.header);
      needHeader = false;
      i = 1;
    }
    for (; i < chunk.lines.length; i++) assembler.push(chunk.lines[i]!, chunk.firstLine + i, out);
    yield out;
  }
  if (needHeader && syntax.header !== undefined) checkHeader(file, undefined, syntax.header);
  const out: RecordChunk = { records: [], problems: [], bytesRead };
  assembler.finish(out);
  if (out.problems.length > 0) yield out;
}

interface PendingLine {
  text: string;
  line: number;
}

/**
 * Joins the physical lines of a record whose quoted field spans lines. When
 * the quote never closes (within 64 KB or before the end of the file) only
 * the first line is reported, and the lines after it are read again as
 * records of their own, so one stray quote costs one row, not the file.
 */
class RecordAssembler {
  private pending: PendingLine[] = [];
  private joined = '';

  constructor(
    private readonly file: string,
    private readonly split: RecordSyntax['split'],
  ) {}

  push(text: string, line: number, out: RecordChunk): void {
    if (this.pending.length === 0) {
      if (text === '') return; // blank lines hold no row
      const fields = this.trySplit(text);
      if (fields instanceof RowError) {
        out.problems.push({ file: this.file, line, message: fields.message });
      } else if (fields !== null) {
        out.records.push({ fields, line });
      } else {
        this.pending = [{ text, line }];
        this.joined = text;
      }
      return;
    }
    this.pending.push({ text, line });
    this.joined += `\n${text}`;
    const fields = this.trySplit(this.joined);
    if (fields instanceof RowError) {
      // Most likely the first line had a stray quote: blame it, reread the rest.
      this.giveUp(out, 'a quoted field is not closed properly');
    } else if (fields !== null) {
      out.records.push({ fields, line: this.pending[0]!.line });
      this.pending = [];
    } else if (this.joined.length > MAX_RECORD_CHARS) {
      this.giveUp(out, 'a quoted field is still open after 64 KB');
    }
  }

  private trySplit(text: string): string[] | null | RowError {
    try {
      return this.split(text);
    } catch (err) {
      if (err instanceof RowError) return err;
      throw err;
    }
  }

  /** Call at the end of the file. */
  finish(out: RecordChunk): void {
    while (this.pending.length > 0) this.giveUp(out, 'a quoted field is not closed before the end of the file');
  }

  private giveUp(out: RecordChunk, message: string): void {
    const [first, ...rest] = this.pending;
    this.pending = [];
    if (first) out.problems.push({ file: this.file, line: first.line, message });
    for (const next of rest) this.push(next.text, next.line, out);
  }
}

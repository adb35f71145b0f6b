/**
 * Streams a file as Buffers that each hold whole lines, so readers can split
 * on byte 10 without ever seeing half a line (or half a UTF-8 character).
 */
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { withoutByteOrderMark } from '../byte-order-mark.ts';
import { DatasetError } from './types.ts';

/** Bytes asked of the OS per read: large enough that syscalls do not show in profiles. */
const READ_SIZE = 1 << 20;

/**
 * Longest physical line kept. A longer line is cut here and the rest of it
 * dropped, so that a file without newlines cannot make us buffer it whole;
 * the cut line then fails validation and is reported like any bad row.
 */
export const MAX_LINE_BYTES = 1 << 20;

const NEWLINE = Buffer.from('\n');

export interface ByteChunk {
  /** Whole lines; always ends with "\n" (one is added after a last unterminated line). */
  buf: Buffer;
  /** Bytes of the file consumed once this chunk is read (for progress). */
  bytesRead: number;
}

/** Reads `path` as chunks of whole lines, with a UTF-8 byte-order mark removed. */
export async function* readByteChunks(path: string, readSize = READ_SIZE): AsyncGenerator<ByteChunk> {
  const handle = await openFile(path);
  let consumed = 0;
  async function* reads(): AsyncGenerator<Buffer> {
    for (;;) {
      const data = Buffer.allocUnsafe(readSize);
      const { bytesRead } = await handle.read(data, 0, readSize, null);
      if (bytesRead === 0) return;
      consumed += bytesRead;
      yield data.subarray(0, bytesRead);
    }
  }
  try {
    let carry: Buffer = Buffer.alloc(0);
    // True while dropping the tail of an overlong line, up to its newline.
    let skipping = false;
    for await (const data of withoutByteOrderMark(reads())) {
      let fresh = data;
      if (skipping) {
        const nl = fresh.indexOf(10);
        if (nl < 0) continue;
        fresh = fresh.subarray(nl);
        skipping = false;
      }
      const joined = carry.length > 0 ? Buffer.concat([carry, fresh]) : fresh;
      const last = joined.lastIndexOf(10);
      if (last < 0) {
        carry = joined;
        if (carry.length > MAX_LINE_BYTES) {
          carry = carry.subarray(0, MAX_LINE_BYTES);
          skipping = true;
        }
        continue;
      }
      carry = joined.subarray(last + 1);
      yield { buf: joined.subarray(0, last + 1), bytesRead: consumed - carry.length };
    }
    if (carry.length > 0) yield { buf: Buffer.concat([carry, NEWLINE]), bytesRead: consumed };
  } finally {
    await handle.close();
  }
}

async function openFile(path: string) {
  try {
    return await open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      throw new DatasetError(`cannot read ${path} (${code})`);
    }
    throw err;
  }
}

/**
 * Decodes one line. MovieLens CSV files are UTF-8 but ml-100k and ml-1m are
 * latin-1, and a file may mix both (an edited copy), so each line is UTF-8
 * when it validates as such and latin-1 otherwise.
 */
export function decodeLine(buf: Buffer, start: number, end: number): string {
  const bytes = buf.subarray(start, end);
  return bytes.toString(isUtf8(bytes) ? 'utf8' : 'latin1');
}

export interface LineChunk {
  /** Decoded lines without their "\r\n" / "\n"; blank lines included so numbering holds. */
  lines: string[];
  /** 1-based line number of `lines[0]`. */
  firstLine: number;
  bytesRead: number;
}

/** Reads `path` as decoded lines, a chunk at a time. */
export async function* readTextLines(path: string, readSize = READ_SIZE): AsyncGenerator<LineChunk> {
  let next = 1;
  for await (const { buf, bytesRead } of readByteChunks(path, readSize)) {
    const lines = isUtf8(buf) ? splitDecoded(buf.toString('utf8')) : decodeEachLine(buf);
    yield { lines, firstLine: next, bytesRead };
    next += lines.length;
  }
}

function splitDecoded(text: string): string[] {
  const lines = text.split('\n');
  lines.pop(); // the chunk ends with "\n", so the last piece is empty
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
  }
  return lines;
}

function decodeEachLine(buf: Buffer): string[] {
  const lines: string[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(10, pos);
    const end = nl > pos && buf[nl - 1] === 13 ? nl - 1 : nl;
    lines.push(decodeLine(buf, pos, end));
    pos = nl + 1;
  }
  return lines;
}

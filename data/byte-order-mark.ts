/**
 * Windows tools (Excel's "CSV UTF-8", Notepad, PowerShell) start UTF-8 files
 * with a byte-order mark, EF BB BF. It is not part of the first line: every
 * reader of a file a person gives us reads through this, so a header or a
 * JSON line 1 is the same with or without one.
 */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The same bytes without a leading UTF-8 byte-order mark, even one split across chunks. */
export async function* withoutByteOrderMark(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let head: Buffer = Buffer.alloc(0);
  let checked = false;
  for await (const chunk of chunks) {
    if (checked) {
      yield chunk;
      continue;
    }
    head = head.length > 0 ? Buffer.concat([head, chunk]) : chunk;
    // Too short to tell yet, and what there is could still be the start of a mark.
    if (head.length < BOM.length && head.equals(BOM.subarray(0, head.length))) continue;
    checked = true;
    const rest = head.subarray(0, BOM.length).equals(BOM) ? head.subarray(BOM.length) : head;
    if (rest.length > 0) yield rest;
  }
  if (!checked && head.length > 0) yield head;
}

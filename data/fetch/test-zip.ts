import { createHash } from 'node:crypto';
import yazl from 'yazl';

/**
 * Test helper: builds a zip in memory with yazl. `files` maps entry names to
 * contents. yazl refuses unsafe names, so a zip-slip archive is made by
 * building a safe one and overwriting the name bytes (`rename`, same length)
 * in both the local header and the central directory.
 */
export async function buildZip(files: Record<string, string>, rename?: { from: string; to: string }): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name, { mtime: new Date(0) });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  if (!rename) return bytes;
  if (rename.from.length !== rename.to.length) throw new Error('rename must keep the name length');
  const from = Buffer.from(rename.from);
  const to = Buffer.from(rename.to);
  let replaced = 0;
  for (let at = bytes.indexOf(from); at !== -1; at = bytes.indexOf(from, at + from.length)) {
    to.copy(bytes, at);
    replaced++;
  }
  if (replaced === 0) throw new Error(`"${rename.from}" not found in the zip`);
  return bytes;
}

export function md5(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('hex');
}

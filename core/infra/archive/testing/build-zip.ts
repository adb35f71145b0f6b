/** Test support: real ZIPs built with yazl, and the tampering a hostile one does. */
import yazl from 'yazl';

/** A ZIP of these entries (a name ending in "/" is a folder), deflated. */
export async function buildZip(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) {
    if (name.endsWith('/')) zip.addEmptyDirectory(name);
    else zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name, { compress: true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const CENTRAL_HEADER = 0x02014b50;

/**
 * The same ZIP with `name`'s uncompressed size in the central directory
 * (what readers trust) replaced by `declared`: a bomb that lies about
 * its size to get past size and ratio checks.
 */
export function lieAboutSize(zip: Buffer, name: string, declared: number): Buffer {
  const copy = Buffer.from(zip);
  for (let at = copy.indexOf(Buffer.from([0x50, 0x4b, 1, 2])); at >= 0; at = copy.indexOf(Buffer.from([0x50, 0x4b, 1, 2]), at + 4)) {
    if (copy.readUInt32LE(at) !== CENTRAL_HEADER) continue;
    const nameLength = copy.readUInt16LE(at + 28);
    if (copy.toString('utf8', at + 46, at + 46 + nameLength) !== name) continue;
    copy.writeUInt32LE(declared, at + 24);
    return copy;
  }
  throw new Error(`no central directory entry named ${name}`);
}

/**
 * The ArchiveReader over yauzl, for ZIPs held in memory (uploads are a few
 * MB at most). yauzl checks each entry's unpacked bytes against its
 * declared size as it streams; this also stops at the caller's byte limit.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ArchiveError, type ArchiveEntryInfo, type ArchiveReader, type OpenArchive } from '../../domain/ports/archive-reader.ts';

/** yauzl's words for an entry that unpacks to more than it declared. */
const SIZE_LIE = /too many bytes in the stream/i;

export class ZipArchiveReader implements ArchiveReader {
  async open(bytes: Uint8Array, { maxEntries }: { maxEntries: number }): Promise<OpenArchive> {
    let zip: ZipFile;
    try {
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      // Entries are listed first and read afterwards, on demand.
      zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
    } catch (err) {
      throw new ArchiveError('corrupt', `not a readable ZIP: ${messageOf(err)}`);
    }
    if (zip.entryCount > maxEntries) {
      zip.close();
      throw new ArchiveError('too-many-entries', `the archive declares ${zip.entryCount} entries`);
    }
    const raw = new Map<ArchiveEntryInfo, Entry>();
    try {
      for await (const entry of zip.eachEntry()) {
        const info = { name: entry.fileName, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize, encrypted: entry.isEncrypted() };
        raw.set(info, entry);
      }
    } catch (err) {
      zip.close();
      throw new ArchiveError('corrupt', `its directory is unreadable: ${messageOf(err)}`);
    }
    return new YauzlArchive(zip, raw);
  }
}

class YauzlArchive implements OpenArchive {
  readonly entries: readonly ArchiveEntryInfo[];

  constructor(
    private readonly zip: ZipFile,
    private readonly raw: ReadonlyMap<ArchiveEntryInfo, Entry>,
  ) {
    this.entries = [...raw.keys()];
  }

  async read(info: ArchiveEntryInfo, maxBytes: number): Promise<Uint8Array> {
    const entry = this.raw.get(info);
    if (!entry) throw new ArchiveError('corrupt', `no entry ${info.name} in this archive`);
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      const stream = await this.zip.openReadStreamPromise(entry);
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > maxBytes) throw new ArchiveError('too-large', `${info.name} unpacks to more than ${maxBytes} bytes`);
          chunks.push(chunk);
        }
      } finally {
        stream.destroy();
      }
    } catch (err) {
      if (err instanceof ArchiveError) throw err;
      if (SIZE_LIE.test(messageOf(err))) throw new ArchiveError('too-large', `${info.name} unpacks to more than it declares`);
      throw new ArchiveError('corrupt', `${info.name} cannot be unpacked: ${messageOf(err)}`);
    }
    return Buffer.concat(chunks, size);
  }

  close(): void {
    this.zip.close();
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Test support: an ArchiveReader over entries given as they are, including
 * lies a hostile ZIP can tell (declared sizes, compressed sizes), so the
 * import's archive checks are tested without building such files.
 */
import { ArchiveError, type ArchiveEntryInfo, type ArchiveReader, type OpenArchive } from '../../ports/archive-reader.ts';

export interface FakeEntry {
  name: string;
  bytes?: Uint8Array | string;
  /** Defaults to the real size. */
  declaredSize?: number;
  /** Defaults to a third of the declared size, as CSV compresses. */
  compressedSize?: number;
  encrypted?: boolean;
}

export class MemoryArchiveReader implements ArchiveReader {
  /** Entries read, by name, to show what the import left alone. */
  readonly read: string[] = [];
  /** Archives opened and closed: every one opened must be closed, whatever happens. */
  opened = 0;
  closed = 0;

  constructor(private readonly entries: readonly FakeEntry[] | 'corrupt') {}

  async open(_bytes: Uint8Array, { maxEntries }: { maxEntries: number }): Promise<OpenArchive> {
    if (this.entries === 'corrupt') throw new ArchiveError('corrupt', 'end of central directory record signature not found');
    if (this.entries.length > maxEntries) throw new ArchiveError('too-many-entries', `${this.entries.length} entries`);
    const content = new Map<ArchiveEntryInfo, Uint8Array>();
    for (const entry of this.entries) {
      const bytes = typeof entry.bytes === 'string' ? Buffer.from(entry.bytes) : (entry.bytes ?? new Uint8Array());
      const declared = entry.declaredSize ?? bytes.length;
      const info = {
        name: entry.name,
        uncompressedSize: declared,
        compressedSize: entry.compressedSize ?? Math.ceil(declared / 3),
        encrypted: entry.encrypted ?? false,
      };
      content.set(info, bytes);
    }
    this.opened++;
    return {
      entries: [...content.keys()],
      read: async (info, maxBytes) => {
        this.read.push(info.name);
        const bytes = content.get(info)!;
        if (bytes.length > maxBytes) throw new ArchiveError('too-large', `${info.name} is over ${maxBytes} bytes`);
        return bytes;
      },
      close: () => {
        this.closed++;
      },
    };
  }
}

/** The bytes of a (pretend) ZIP upload: only the signature matters to the fake. */
export const ZIP_UPLOAD = { name: 'letterboxd-export.zip', bytes: Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]) };

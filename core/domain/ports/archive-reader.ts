/** One file inside an archive, as the archive's directory declares it (a hostile archive may lie). */
export interface ArchiveEntryInfo {
  /** Path inside the archive, "/"-separated ("likes/films.csv"); a folder ends with "/". */
  readonly name: string;
  readonly compressedSize: number;
  /** Declared size once unpacked; reading never trusts it (see `OpenArchive.read`). */
  readonly uncompressedSize: number;
  readonly encrypted: boolean;
}

/** An archive whose directory has been read; close it when done. */
export interface OpenArchive {
  readonly entries: readonly ArchiveEntryInfo[];
  /**
   * The entry's unpacked bytes. Stops and rejects with ArchiveError
   * 'too-large' once more than `maxBytes` come out, whatever the entry
   * declared, so a lying bomb costs at most `maxBytes` of memory.
   */
  read(entry: ArchiveEntryInfo, maxBytes: number): Promise<Uint8Array>;
  close(): void;
}

/** Reads ZIP archives held in memory (an uploaded export). */
export interface ArchiveReader {
  /**
   * Reads the archive's directory. Rejects with ArchiveError: 'corrupt'
   * when it is not a readable ZIP, 'too-many-entries' when it declares more
   * than `maxEntries` (checked before listing them).
   */
  open(bytes: Uint8Array, opts: { maxEntries: number }): Promise<OpenArchive>;
}

export type ArchiveProblem = 'corrupt' | 'too-many-entries' | 'too-large';

/** What an ArchiveReader rejects with; the import turns it into the person's message. */
export class ArchiveError extends Error {
  constructor(
    readonly problem: ArchiveProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

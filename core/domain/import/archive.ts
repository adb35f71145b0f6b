/**
 * Letterboxd's export ZIP, opened defensively: an upload is untrusted, so
 * the archive's own claims (entry count, sizes, compression ratio) are
 * checked before reading, and reading stops at the byte budget whatever
 * an entry claimed. Only the files the import understands are read.
 */
import { ArchiveError, type ArchiveEntryInfo, type ArchiveReader, type OpenArchive } from '../ports/archive-reader.ts';
import { badArchive, tooLarge, unknownFormat } from './import-errors.ts';
import { MAX_ARCHIVE_ENTRIES, MAX_COMPRESSION_RATIO, MAX_IMPORT_BYTES } from './limits.ts';
import type { ImportFile } from './types.ts';

/** The export's files the import reads, by their path in it. */
export const LETTERBOXD_FILES = ['ratings.csv', 'watched.csv', 'watchlist.csv', 'likes/films.csv'] as const;

const ARCHIVE_NAME = /\.(zip|zipx|jar|7z|rar|tar|gz|tgz|bz2|xz)$/i;
const ZIP_MAGIC = [0x50, 0x4b];

/** Whether the bytes start like a ZIP (a local file header, or the end record of an empty one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === ZIP_MAGIC[0] && bytes[1] === ZIP_MAGIC[1] && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** The Letterboxd files in the ZIP, named by their path in it ("likes/films.csv"); refuses a hostile or foreign archive. */
export async function letterboxdFiles(zip: ImportFile, reader: ArchiveReader): Promise<ImportFile[]> {
  const archive = await open(zip, reader);
  try {
    if (archive.entries.some((entry) => ARCHIVE_NAME.test(entry.name))) throw badArchive(zip.name, 'nested');
    const wanted = wantedEntries(archive.entries);
    if (wanted.length === 0) throw unknownFormat(zip.name);
    let budget = MAX_IMPORT_BYTES;
    const files: ImportFile[] = [];
    for (const entry of wanted) {
      check(zip.name, entry, budget);
      const bytes = await read(zip.name, archive, entry, budget);
      if (looksLikeZip(bytes)) throw badArchive(zip.name, 'nested');
      budget -= bytes.length;
      files.push({ name: entry.name, bytes });
    }
    return files;
  } finally {
    archive.close();
  }
}

async function open(zip: ImportFile, reader: ArchiveReader): Promise<OpenArchive> {
  try {
    return await reader.open(zip.bytes, { maxEntries: MAX_ARCHIVE_ENTRIES });
  } catch (err) {
    if (err instanceof ArchiveError && err.problem === 'too-many-entries') throw tooLarge(MAX_ARCHIVE_ENTRIES, 'entries');
    if (err instanceof ArchiveError) throw badArchive(zip.name, 'corrupt');
    throw err;
  }
}

/**
 * The known files, at the archive's root or inside the one folder that
 * holds everything (an export unpacked and zipped again). Folders such as
 * deleted/ or lists/ hold files of the same names that are not wanted.
 */
function wantedEntries(entries: readonly ArchiveEntryInfo[]): ArchiveEntryInfo[] {
  const byName = new Map(entries.map((entry) => [entry.name.toLowerCase(), entry]));
  const atRoot = LETTERBOXD_FILES.some((name) => byName.has(name));
  const top = entries[0]?.name.split('/')[0] ?? '';
  const oneFolder = !atRoot && top !== '' && entries.every((entry) => entry.name.startsWith(`${top}/`));
  const root = oneFolder ? `${top.toLowerCase()}/` : '';
  return LETTERBOXD_FILES.flatMap((name) => byName.get(root + name) ?? []);
}

/** What the directory claims, before a byte is unpacked. */
function check(zipName: string, entry: ArchiveEntryInfo, budget: number): void {
  if (entry.encrypted) throw badArchive(zipName, 'encrypted');
  if (entry.uncompressedSize > MAX_COMPRESSION_RATIO * Math.max(entry.compressedSize, 1)) throw badArchive(zipName, 'bomb');
  if (entry.uncompressedSize > budget) throw tooLarge(MAX_IMPORT_BYTES, 'bytes');
}

/** An entry that unpacks past the budget after claiming less lied about its size: a bomb. */
async function read(zipName: string, archive: OpenArchive, entry: ArchiveEntryInfo, budget: number): Promise<Uint8Array> {
  try {
    return await archive.read(entry, budget);
  } catch (err) {
    if (err instanceof ArchiveError) throw badArchive(zipName, err.problem === 'too-large' ? 'bomb' : 'corrupt');
    throw err;
  }
}

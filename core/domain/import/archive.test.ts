/**
 * The ZIP checks on an archive reader that reports what a hostile archive
 * claims; core/infra/archive has the same cases on real ZIPs through yauzl.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.ts';
import { MAX_ARCHIVE_ENTRIES, MAX_COMPRESSION_RATIO, MAX_IMPORT_BYTES } from './limits.ts';
import { readImport } from './read-import.ts';
import { FIXTURES_DIR, LETTERBOXD_EXPORT, letterboxdFixture } from './testing/fixtures.ts';
import { type FakeEntry, MemoryArchiveReader, ZIP_UPLOAD } from './testing/memory-archive.ts';

const exportEntries = (root = ''): FakeEntry[] =>
  LETTERBOXD_EXPORT.map((name) => ({ name: root + name, bytes: fs.readFileSync(path.join(FIXTURES_DIR, letterboxdFixture(name))) }));
/** Files of the export the import has no use for, some named like the wanted ones. */
const OTHERS: FakeEntry[] = [
  { name: 'profile.csv', bytes: 'Date Joined,Username\n2020-01-01,someone\n' },
  { name: 'deleted/ratings.csv', bytes: 'Date,Name,Year,Letterboxd URI,Rating\n2020-01-01,Heat,1995,https://boxd.it/a,1\n' },
  { name: 'lists/favourites.csv', bytes: 'Letterboxd list export v7\n' },
];

async function failure(reader: MemoryArchiveReader): Promise<UserError> {
  const err = await readImport(ZIP_UPLOAD, reader).then(
    () => new Error('expected a UserError'),
    (e: unknown) => e,
  );
  if (!(err instanceof UserError)) throw err;
  expect(reader.closed).toBe(reader.opened);
  return err;
}

describe("Letterboxd's export ZIP", () => {
  it('reads the four files and nothing else, and closes the archive', async () => {
    const reader = new MemoryArchiveReader([...OTHERS, ...exportEntries()]);
    const { format, entries } = await readImport(ZIP_UPLOAD, reader);
    expect(format).toBe('letterboxd-zip');
    expect(reader.read).toEqual(['ratings.csv', 'watched.csv', 'watchlist.csv', 'likes/films.csv']);
    expect(reader.closed).toBe(1);
    expect(entries).toHaveLength(32 + 35 + 5 + 4);
    expect(entries.some((e) => e.key.title === 'Heat' && e.kind === 'dislike')).toBe(false);
  });

  it('finds them inside the one folder an unpacked and re-zipped export has', async () => {
    const reader = new MemoryArchiveReader([
      { name: 'letterboxd-someone-2024-01-01-12-00-utc/' },
      ...exportEntries('letterboxd-someone-2024-01-01-12-00-utc/'),
    ]);
    expect((await readImport(ZIP_UPLOAD, reader)).entries).toHaveLength(76);
  });

  it('takes an export with some files empty (a watchlist never used), and calls one with none empty', async () => {
    const some = new MemoryArchiveReader([...exportEntries().slice(0, 2), { name: 'watchlist.csv', bytes: '' }]);
    expect((await readImport(ZIP_UPLOAD, some)).entries).toHaveLength(67);
    const none = new MemoryArchiveReader([
      { name: 'watched.csv', bytes: 'Date,Name,Year,Letterboxd URI\n' },
      { name: 'watchlist.csv', bytes: '' },
    ]);
    expect((await failure(none)).code).toBe('IMPORT_EMPTY');
  });

  it('calls a ZIP without Letterboxd files an unknown format', async () => {
    const err = await failure(new MemoryArchiveReader([{ name: 'word/document.xml', bytes: '<w:document/>' }]));
    expect(err.code).toBe('IMPORT_UNKNOWN_FORMAT');
  });

  it('refuses a Letterboxd-named file with foreign columns', async () => {
    const err = await failure(new MemoryArchiveReader([{ name: 'ratings.csv', bytes: 'Book Id,Title,My Rating\n1,Dune,5\n' }]));
    expect([err.code, err.message]).toEqual(['IMPORT_MALFORMED', "ratings.csv, line 1: the columns are not Letterboxd's. Nothing was imported."]);
  });
});

describe('hostile or broken ZIPs', () => {
  it('refuses a nested archive, by its name or by its content, without reading it', async () => {
    const named = new MemoryArchiveReader([...exportEntries(), { name: 'old/export.zip', bytes: 'PK\x03\x04' }]);
    expect((await failure(named)).details.reason).toBe('nested');
    expect(named.read).toEqual([]);
    const disguised = new MemoryArchiveReader([{ name: 'ratings.csv', bytes: Buffer.from('PK\x03\x04\x14\x00\x00\x00') }]);
    expect((await failure(disguised)).details.reason).toBe('nested');
  });

  it(`refuses an entry claiming a compression ratio over ${MAX_COMPRESSION_RATIO}, before unpacking it`, async () => {
    const bomb = new MemoryArchiveReader([{ name: 'ratings.csv', declaredSize: 4 * 1024 * 1024, compressedSize: 4 * 1024 }]);
    const err = await failure(bomb);
    expect([err.code, err.details.reason]).toEqual(['IMPORT_BAD_ARCHIVE', 'bomb']);
    expect(err.message).toBe('letterboxd-export.zip was refused: it unpacks to far more than it weighs.');
    expect(bomb.read).toEqual([]);
  });

  it('refuses entries declaring more than the byte budget, alone or together', async () => {
    const big = await failure(new MemoryArchiveReader([{ name: 'watched.csv', declaredSize: MAX_IMPORT_BYTES + 1 }]));
    expect([big.code, big.details.unit]).toEqual(['IMPORT_TOO_LARGE', 'bytes']);
    const header = 'Date,Name,Year,Letterboxd URI\n';
    const half = header + `2024-01-01,Heat,1995,https://boxd.it/a\n`.repeat((MAX_IMPORT_BYTES * 0.6) / 38);
    const together = new MemoryArchiveReader([
      { name: 'watched.csv', bytes: half },
      { name: 'watchlist.csv', bytes: half },
    ]);
    expect((await failure(together)).code).toBe('IMPORT_TOO_LARGE');
    expect(together.read).toEqual(['watched.csv']);
  });

  it('refuses an entry that unpacks past the budget after declaring less: it lied', async () => {
    const liar = new MemoryArchiveReader([{ name: 'ratings.csv', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1), declaredSize: 1000 }]);
    expect((await failure(liar)).details.reason).toBe('bomb');
  });

  it(`refuses more than ${MAX_ARCHIVE_ENTRIES} entries, encrypted entries and a corrupt archive`, async () => {
    const many = Array.from({ length: MAX_ARCHIVE_ENTRIES + 1 }, (_, i) => ({ name: `lists/${i}.csv` }));
    const crowded = await failure(new MemoryArchiveReader(many));
    expect([crowded.code, crowded.details]).toEqual(['IMPORT_TOO_LARGE', { limit: MAX_ARCHIVE_ENTRIES, unit: 'entries' }]);
    const locked = await failure(new MemoryArchiveReader([{ name: 'ratings.csv', bytes: 'x', encrypted: true }]));
    expect(locked.details.reason).toBe('encrypted');
    const corrupt = await failure(new MemoryArchiveReader('corrupt'));
    expect([corrupt.code, corrupt.details.reason]).toEqual(['IMPORT_BAD_ARCHIVE', 'corrupt']);
  });
});

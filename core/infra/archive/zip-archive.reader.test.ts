/**
 * Real ZIPs, built with yazl, through yauzl: the export as Letterboxd
 * makes it, and the hostile archives the import must refuse.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../domain/errors.ts';
import { MAX_IMPORT_BYTES, readImport, type ImportFile } from '../../domain/import/index.ts';
import { FIXTURES_DIR, LETTERBOXD_EXPORT, letterboxdFixture } from '../../domain/import/testing/fixtures.ts';
import { ArchiveError } from '../../domain/ports/archive-reader.ts';
import { buildZip, lieAboutSize } from './testing/build-zip.ts';
import { ZipArchiveReader } from './zip-archive.reader.ts';

const reader = new ZipArchiveReader();
const exportFiles = Object.fromEntries(LETTERBOXD_EXPORT.map((name) => [name, fs.readFileSync(path.join(FIXTURES_DIR, letterboxdFixture(name)))]));
const upload = (bytes: Buffer, name = 'letterboxd-someone-2024-01-01-12-00-utc.zip'): ImportFile => ({ name, bytes });

async function failure(bytes: Buffer): Promise<UserError> {
  const err = await readImport(upload(bytes), reader).then(
    () => new Error('expected a UserError'),
    (e: unknown) => e,
  );
  if (!(err instanceof UserError)) throw err;
  return err;
}

describe('ZipArchiveReader', () => {
  it("reads Letterboxd's export: its four files, past the ones it has no use for", async () => {
    const zip = await buildZip({
      'profile.csv': 'Date Joined,Username,Given Name\n2020-01-01,someone,Some\n',
      'diary.csv': 'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2023-01-04,The Matrix,1999,https://boxd.it/2a1m,5,,,2023-01-03\n',
      'deleted/': '',
      'deleted/ratings.csv': 'Date,Name,Year,Letterboxd URI,Rating\n2020-01-01,Heat,1995,https://boxd.it/2aTs,1\n',
      'likes/': '',
      'lists/': '',
      'lists/favourites.csv': 'Letterboxd list export v7\nDate,Name,Tags,URL,Description\n',
      ...exportFiles,
    });
    const { format, entries } = await readImport(upload(zip), reader);
    expect(format).toBe('letterboxd-zip');
    expect(entries).toHaveLength(32 + 35 + 5 + 4);
    expect(entries.filter((e) => e.key.title === 'Heat').map((e) => e.kind)).toEqual(['seen', 'seen']);
  });

  it('stops reading an entry at the byte limit it is given', async () => {
    const archive = await reader.open(await buildZip({ 'watched.csv': 'x'.repeat(10_000) }), { maxEntries: 10 });
    try {
      const [entry] = archive.entries;
      expect(entry).toMatchObject({ name: 'watched.csv', uncompressedSize: 10_000, encrypted: false });
      await expect(archive.read(entry!, 9_999)).rejects.toThrow(ArchiveError);
      expect((await archive.read(entry!, 10_000)).length).toBe(10_000);
    } finally {
      archive.close();
    }
  });
});

describe('hostile and broken ZIPs through yauzl', () => {
  it('refuses a ZIP inside the export, and a ZIP named like a CSV', async () => {
    const inner = await buildZip(exportFiles);
    expect((await failure(await buildZip({ ...exportFiles, 'backup/letterboxd.zip': inner }))).details.reason).toBe('nested');
    expect((await failure(await buildZip({ 'ratings.csv': inner }))).details.reason).toBe('nested');
  });

  it('refuses a bomb by its compression ratio, before unpacking it', async () => {
    const bomb = await buildZip({ 'ratings.csv': Buffer.alloc(16 * 1024 * 1024, 'a') });
    expect(bomb.length).toBeLessThan(MAX_IMPORT_BYTES / 10);
    const err = await failure(bomb);
    expect([err.code, err.details.reason]).toEqual(['IMPORT_BAD_ARCHIVE', 'bomb']);
  });

  it('refuses an entry over the byte budget, and the same entry lying about its size once it unpacks past its claim', async () => {
    // Random titles compress like real ones do, far below the ratio limit.
    const titles = randomBytes(3 * 1024 * 1024)
      .toString('hex')
      .match(/.{32}/g)!;
    const rows = `Date,Name,Year,Letterboxd URI\n${titles.map((title) => `2024-01-01,${title},1995,https://boxd.it/2aTs\n`).join('')}`;
    const honest = await buildZip({ 'watched.csv': rows });
    expect(rows.length).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect((await failure(honest)).details).toEqual({ limit: MAX_IMPORT_BYTES, unit: 'bytes' });
    expect((await failure(lieAboutSize(honest, 'watched.csv', 100_000))).details.reason).toBe('bomb');
  });

  it('refuses to list an archive declaring more entries than allowed', async () => {
    const zip = await buildZip(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`lists/${i}.csv`, ''])));
    await expect(reader.open(zip, { maxEntries: 10 })).rejects.toMatchObject({ problem: 'too-many-entries' });
    (await reader.open(zip, { maxEntries: 11 })).close();
  });

  it('calls a truncated ZIP corrupt and a ZIP of something else an unknown format', async () => {
    const zip = await buildZip(exportFiles);
    expect((await failure(zip.subarray(0, zip.length / 2))).details.reason).toBe('corrupt');
    expect((await failure(await buildZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }))).code).toBe('IMPORT_UNKNOWN_FORMAT');
  });
});

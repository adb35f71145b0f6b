import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.ts';
import { detectFormat } from './detect.ts';
import { fixture, textFile } from './testing/fixtures.ts';
import { ZIP_UPLOAD } from './testing/memory-archive.ts';

const code = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    if (err instanceof UserError) return err.code;
    throw err;
  }
  return 'no error';
};

describe('detectFormat', () => {
  it('tells each export by its content, whatever the file is called', () => {
    expect(detectFormat(fixture('letterboxd/letterboxd-ratings.csv', 'upload.bin')).format).toBe('letterboxd');
    expect(detectFormat(fixture('letterboxd/likes/films.csv')).format).toBe('letterboxd');
    expect(detectFormat(fixture('imdb-ratings.csv', 'letterboxd.csv')).format).toBe('imdb');
    expect(detectFormat(fixture('trakt-export.json', 'export.csv')).format).toBe('json');
    expect(detectFormat({ ...ZIP_UPLOAD, name: 'ratings.csv' }).format).toBe('zip');
  });

  it('reads a header behind a byte-order mark, with CRLF line ends and any column case', () => {
    const text = '\uFEFFdate,name,year,letterboxd uri\r\n2023-01-04,The Matrix,1999,https://boxd.it/2a1m\r\n';
    expect(detectFormat(textFile('watched.csv', text))).toMatchObject({ format: 'letterboxd', header: ['date', 'name', 'year', 'letterboxd uri'] });
  });

  it("refuses another site's CSV, a picture, UTF-16 text and plain prose as unknown", () => {
    expect(code(() => detectFormat(fixture('goodreads_library_export.csv')))).toBe('IMPORT_UNKNOWN_FORMAT');
    expect(code(() => detectFormat({ name: 'cat.png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }))).toBe(
      'IMPORT_UNKNOWN_FORMAT',
    );
    expect(code(() => detectFormat({ name: 'ratings.csv', bytes: Buffer.from('\uFEFFConst,Your Rating', 'utf16le') }))).toBe('IMPORT_UNKNOWN_FORMAT');
    expect(code(() => detectFormat(textFile('notes.txt', 'I liked The Matrix a lot.\n')))).toBe('IMPORT_UNKNOWN_FORMAT');
  });

  it('calls an empty or blank file empty, with a BOM or not', () => {
    expect(code(() => detectFormat(fixture('empty.csv')))).toBe('IMPORT_EMPTY');
    expect(code(() => detectFormat(textFile('ratings.csv', '\uFEFF \r\n\r\n')))).toBe('IMPORT_EMPTY');
  });

  it('names the file in the message', () => {
    expect(() => detectFormat(fixture('goodreads_library_export.csv'))).toThrow(/goodreads_library_export\.csv is not an export this can read/);
  });
});

import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing/temp-dir.ts';
import { MAX_LINE_BYTES, readByteChunks, readTextLines } from './lines.ts';
import { DatasetError } from './types.ts';

const tmp = useTempDir();

async function lines(content: Buffer | string, readSize?: number): Promise<Array<[number, string]>> {
  const file = tmp(`lines-${Math.random()}.txt`);
  await writeFile(file, content);
  const out: Array<[number, string]> = [];
  for await (const chunk of readTextLines(file, readSize)) {
    chunk.lines.forEach((text, i) => out.push([chunk.firstLine + i, text]));
  }
  return out;
}

describe('readTextLines', () => {
  it('numbers lines, strips \\r\\n, and keeps blank lines so numbering holds', async () => {
    expect(await lines('a\r\nb\n\nc\n')).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, ''],
      [4, 'c'],
    ]);
  });

  it('reads a last line without a newline', async () => {
    expect(await lines('a\nb')).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('drops a UTF-8 byte-order mark, even when reads split it, and only at the start', async () => {
    for (const readSize of [undefined, 1, 2, 4]) {
      expect(await lines('\uFEFFmovieId,title\n\uFEFFx\n', readSize), `readSize ${readSize}`).toEqual([
        [1, 'movieId,title'],
        [2, '\uFEFFx'],
      ]);
    }
    // The first bytes of a mark, and no more, are data.
    expect(await lines(Buffer.from([0xef, 0xbb]))).toEqual([[1, '\xef\xbb']]);
  });

  it('decodes a latin-1 line among UTF-8 ones', async () => {
    const content = Buffer.concat([Buffer.from('Amélie\n', 'utf8'), Buffer.from('Amélie\n', 'latin1')]);
    expect(await lines(content)).toEqual([
      [1, 'Amélie'],
      [2, 'Amélie'],
    ]);
  });

  it('never splits a line or a character across reads', async () => {
    const text = Array.from({ length: 50 }, (_, i) => `${i},Amélie – ${'é'.repeat(i % 7)}`).join('\n');
    expect(await lines(`${text}\n`, 5)).toEqual(text.split('\n').map((t, i) => [i + 1, t]));
  });

  it('cuts an overlong line instead of buffering it whole', async () => {
    const long = 'x'.repeat(MAX_LINE_BYTES * 2 + 10);
    const read = await lines(`${long}\nnext\n`, 64 * 1024);
    expect(read.map(([n, t]) => [n, t.length])).toEqual([
      [1, MAX_LINE_BYTES],
      [2, 4],
    ]);
  });

  it('reports progress up to the file size', async () => {
    const file = tmp('progress.txt');
    const content = 'abc\n'.repeat(1000);
    await writeFile(file, content);
    const seen: number[] = [];
    for await (const chunk of readByteChunks(file, 100)) seen.push(chunk.bytesRead);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(content.length);
  });

  it('throws DatasetError for a missing file', async () => {
    await expect(readTextLines(tmp('nope.csv')).next()).rejects.toThrow(DatasetError);
  });
});

import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing/temp-dir.ts';
import { splitCsv } from './csv.ts';
import { readRecords } from './records.ts';
import { DatasetError, type RowProblem } from './types.ts';

const tmp = useTempDir();

async function records(content: string, header?: string) {
  const file = tmp(`records-${Math.random()}.csv`);
  await writeFile(file, content);
  const out: Array<[number, string[]]> = [];
  const problems: RowProblem[] = [];
  for await (const chunk of readRecords(file, { header, split: splitCsv })) {
    for (const r of chunk.records) out.push([r.line, r.fields]);
    problems.push(...chunk.problems.map((p) => ({ ...p, file: 'f' })));
  }
  return { records: out, problems };
}

describe('readRecords', () => {
  it('checks and skips the header, and skips blank lines', async () => {
    const { records: read } = await records('a,b\n1,2\n\n3,4\n\n', 'a,b');
    expect(read).toEqual([
      [2, ['1', '2']],
      [4, ['3', '4']],
    ]);
  });

  it('throws DatasetError naming the file for a wrong header or an empty file', async () => {
    await expect(records('x,y\n1,2\n', 'a,b')).rejects.toThrow(/records-.*\.csv.*expected the header "a,b", found "x,y"/);
    await expect(records('', 'a,b')).rejects.toThrow(DatasetError);
  });

  it('joins a quoted field spanning lines and numbers the record by its first line', async () => {
    const { records: read, problems } = await records('1,"two\nlines",x\n2,b,y\n');
    expect(problems).toEqual([]);
    expect(read).toEqual([
      [1, ['1', 'two\nlines', 'x']],
      [3, ['2', 'b', 'y']],
    ]);
  });

  it('blames only the first line of a quote that never closes', async () => {
    const { records: read, problems } = await records('1,a\n2,"open\n3,c\n4,d\n');
    expect(problems).toEqual([{ file: 'f', line: 2, message: 'a quoted field is not closed before the end of the file' }]);
    expect(read.map(([line]) => line)).toEqual([1, 3, 4]);
  });

  it('gives up on an open quote after 64 KB and rereads the lines after it', async () => {
    const rest = Array.from({ length: 10_000 }, (_, i) => `${i},row`).join('\n');
    const { records: read, problems } = await records(`1,"open\n${rest}\n`);
    expect(problems).toEqual([{ file: 'f', line: 1, message: 'a quoted field is still open after 64 KB' }]);
    expect(read.length).toBe(10_000);
    expect(read[0]).toEqual([2, ['0', 'row']]);
  });

  it('rereads the following lines when a joined record turns out malformed', async () => {
    const { records: read, problems } = await records('1,"stray\n2,"quoted"x\n3,ok\n');
    expect(problems).toEqual([
      { file: 'f', line: 1, message: 'a quoted field is not closed properly' },
      { file: 'f', line: 2, message: 'unexpected text after the closing quote of field 2' },
    ]);
    expect(read).toEqual([[3, ['3', 'ok']]]);
  });
});

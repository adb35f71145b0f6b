import { describe, expect, it } from 'vitest';
import { splitCsv } from './csv.ts';
import { RowError } from './fields.ts';

describe('splitCsv', () => {
  it('splits plain fields, keeping empty ones', () => {
    expect(splitCsv('1,0114709,862')).toEqual(['1', '0114709', '862']);
    expect(splitCsv('1,0114709,')).toEqual(['1', '0114709', '']);
    expect(splitCsv('')).toEqual(['']);
  });

  it('reads quoted fields with commas and doubled quotes', () => {
    expect(splitCsv('11,"American President, The (1995)",Comedy')).toEqual(['11', 'American President, The (1995)', 'Comedy']);
    expect(splitCsv('567,4552,"""artsy""",1525285878')).toEqual(['567', '4552', '"artsy"', '1525285878']);
    expect(splitCsv('"a",""')).toEqual(['a', '']);
    expect(splitCsv('a,"b"')).toEqual(['a', 'b']);
    expect(splitCsv('"a",')).toEqual(['a', '']);
  });

  it('keeps a quote inside an unquoted field', () => {
    expect(splitCsv('1,Jack "the" Ripper,2')).toEqual(['1', 'Jack "the" Ripper', '2']);
  });

  it('returns null while a quoted field is open, and reads it once joined', () => {
    expect(splitCsv('5,1,"two')).toBeNull();
    expect(splitCsv('5,1,"two\nlines",1445714999')).toEqual(['5', '1', 'two\nlines', '1445714999']);
  });

  it('rejects text after a closing quote', () => {
    expect(() => splitCsv('1,"abc"def,2')).toThrow(RowError);
    expect(() => splitCsv('1,"abc"def,2')).toThrow('unexpected text after the closing quote of field 2');
  });
});

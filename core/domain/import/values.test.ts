import { describe, expect, it } from 'vitest';
import { parseDate, parseYear } from './values.ts';

describe('parseDate and parseYear', () => {
  it("reads Letterboxd's and IMDb's days as UTC midnight, and Trakt's instants", () => {
    expect(parseDate('2024-03-15')).toEqual(new Date('2024-03-15T00:00:00Z'));
    expect(parseDate(' 2024-02-10T21:14:07.000Z ')).toEqual(new Date('2024-02-10T21:14:07Z'));
    expect(parseDate('2024-02-10T21:14:07+02:00')).toEqual(new Date('2024-02-10T19:14:07Z'));
  });

  it('treats anything else as no date', () => {
    for (const text of ['', 'someday', '15/03/2024', '2024-13-45', '2024-02-30T99:00:00Z', 1_700_000_000, null]) expect(parseDate(text)).toBeUndefined();
  });

  it('tells an unknown year (blank) from a broken one', () => {
    expect([parseYear(' 1999 '), parseYear(''), parseYear('99'), parseYear('1999-2001')]).toEqual([1999, null, undefined, undefined]);
  });
});

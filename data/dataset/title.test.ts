import { describe, expect, it } from 'vitest';
import { normalizeGenres, parseGenres, parseTitle } from './title.ts';

describe('parseTitle', () => {
  it.each([
    ['Toy Story (1995)', 'Toy Story', 1995],
    ['Matrix, The (1999)', 'Matrix, The', 1999],
    ['Runaway Brain (1995) ', 'Runaway Brain', 1995],
    ['Babylon 5', 'Babylon 5', null],
    ['Twin Peaks (1990-1991)', 'Twin Peaks', 1990],
    ['Death Note: Desu nôto (2006–2007)', 'Death Note: Desu nôto', 2006],
    ['Fargo (2014-)', 'Fargo', 2014],
    ['Brother (Brat) (1997)', 'Brother (Brat)', 1997],
    ['Millions Game, The (Das Millionenspiel)', 'Millions Game, The (Das Millionenspiel)', null],
    ['(500) Days of Summer (2009)', '(500) Days of Summer', 2009],
    ['1984 (1984)', '1984', 1984],
    ['(2019)', '(2019)', 2019],
  ])('%j → %j, %j', (raw, title, year) => {
    expect(parseTitle(raw)).toEqual({ title, year });
  });
});

describe('genres', () => {
  it('splits on | and maps older names to ml-latest ones', () => {
    expect(parseGenres('Adventure|Children|Fantasy')).toEqual(['Adventure', 'Children', 'Fantasy']);
    expect(parseGenres("Animation|Children's|Comedy")).toEqual(['Animation', 'Children', 'Comedy']);
  });

  it('treats the placeholders as no genre', () => {
    expect(parseGenres('(no genres listed)')).toEqual([]);
    expect(parseGenres('')).toEqual([]);
    expect(normalizeGenres(['unknown'])).toEqual([]);
  });
});

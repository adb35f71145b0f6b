import { describe, expect, it } from 'vitest';
import { displayTitle, frontArticle, splitTitle, titleForms } from './title-parts.ts';

describe('splitTitle', () => {
  it('separates parenthesised alternative titles', () => {
    expect(splitTitle("Amelie (Fabuleux destin d'Amélie Poulain, Le)")).toEqual({
      main: 'Amelie',
      alternatives: ["Fabuleux destin d'Amélie Poulain, Le"],
    });
    expect(splitTitle('Léon: The Professional (a.k.a. The Professional) (Léon)')).toEqual({
      main: 'Léon: The Professional',
      alternatives: ['The Professional', 'Léon'],
    });
  });

  it('leaves leading and unbalanced parentheses alone', () => {
    expect(splitTitle('(500) Days of Summer')).toEqual({ main: '(500) Days of Summer', alternatives: [] });
    expect(splitTitle('(Untitled)')).toEqual({ main: '(Untitled)', alternatives: [] });
    expect(splitTitle('Broken )')).toEqual({ main: 'Broken )', alternatives: [] });
  });
});

describe('frontArticle and displayTitle', () => {
  it('moves MovieLens trailing articles to the front', () => {
    expect(frontArticle('Matrix, The')).toEqual({ text: 'The Matrix', bare: 'Matrix' });
    expect(frontArticle("Avventura, L'")).toEqual({ text: "L'Avventura", bare: 'Avventura' });
    expect(frontArticle('Boot, Das').text).toBe('Das Boot');
    expect(frontArticle('Heat').bare).toBeNull();
  });

  it('gives the title as people write it', () => {
    expect(displayTitle('Matrix, The')).toBe('The Matrix');
    expect(displayTitle('Misérables, Les')).toBe('Les Misérables');
    expect(displayTitle("Amelie (Fabuleux destin d'Amélie Poulain, Le)")).toBe('Amelie');
    expect(displayTitle('Lord of the Rings: The Fellowship of the Ring, The')).toBe('The Lord of the Rings: The Fellowship of the Ring');
    expect(displayTitle('Good, the Bad and the Ugly, The (Buono, il brutto, il cattivo, Il)')).toBe('The Good, the Bad and the Ugly');
    expect(displayTitle('(500) Days of Summer')).toBe('(500) Days of Summer');
  });
});

describe('titleForms', () => {
  it('lists every spelling, with and without the article', () => {
    expect(titleForms('Matrix, The')).toEqual(['the matrix', 'matrix']);
    expect(titleForms("Amelie (Fabuleux destin d'Amélie Poulain, Le)")).toEqual([
      'amelie',
      'le fabuleux destin d amelie poulain',
      'fabuleux destin d amelie poulain',
    ]);
  });

  it('drops a leading English article and joins hyphenated words', () => {
    expect(titleForms('The Godfather Trilogy')).toEqual(['the godfather trilogy', 'godfather trilogy']);
    expect(titleForms('X-Men')).toEqual(['x men', 'xmen']);
  });
});

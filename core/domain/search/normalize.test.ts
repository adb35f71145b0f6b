import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize } from './normalize.ts';

describe('normalizeText', () => {
  it('folds case and accents', () => {
    expect(normalizeText('Amélie')).toBe('amelie');
    expect(normalizeText('MISÉRABLES, LES')).toBe('miserables les');
    expect(normalizeText('Straße Ærø Łódź')).toBe('strasse aero lodz');
  });

  it('joins possessives and splits elided articles', () => {
    expect(normalizeText("Schindler's List")).toBe('schindlers list');
    expect(normalizeText('Schindler’s List')).toBe('schindlers list');
    expect(normalizeText('Schindler`s List')).toBe('schindlers list');
    expect(normalizeText("Fabuleux destin d'Amélie Poulain, Le")).toBe('fabuleux destin d amelie poulain le');
    expect(normalizeText("L'Avventura")).toBe('l avventura');
  });

  it('joins dotted acronyms but splits other punctuation', () => {
    expect(normalizeText('L.A. Confidential')).toBe('la confidential');
    expect(normalizeText('E.T. the Extra-Terrestrial')).toBe('et the extra terrestrial');
    expect(normalizeText('Dr. Strangelove')).toBe('dr strangelove');
    expect(normalizeText('Star Wars: Episode IV - A New Hope')).toBe('star wars episode iv a new hope');
  });

  it('reads & as and', () => {
    expect(normalizeText('Fast & Furious')).toBe('fast and furious');
  });

  it('keeps letters of every script and drops emoji and punctuation', () => {
    expect(tokenize('שלום עולם')).toEqual(['שלום', 'עולם']);
    expect(tokenize('فيلم')).toEqual(['فيلم']);
    expect(tokenize('千と千尋の神隠し')).toHaveLength(1);
    expect(tokenize('🎬🍿')).toEqual([]);
    expect(tokenize('!!! ... ???')).toEqual([]);
    expect(tokenize('   ')).toEqual([]);
  });
});

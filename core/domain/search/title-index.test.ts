import { describe, expect, it } from 'vitest';
import { type SearchableMovie, TitleIndex } from './index.ts';

/** A small catalog spelled the MovieLens way; popularity as rating counts. */
const CATALOG: SearchableMovie[] = [
  { id: 2571, title: 'Matrix, The', year: 1999, popularity: 278 },
  { id: 6365, title: 'Matrix Reloaded, The', year: 2003, popularity: 300 },
  { id: 6934, title: 'Matrix Revolutions, The', year: 2003, popularity: 90 },
  { id: 4973, title: "Amelie (Fabuleux destin d'Amélie Poulain, Le)", year: 2001, popularity: 120 },
  { id: 5000, title: 'American Beauty', year: 1999, popularity: 400 },
  { id: 73, title: 'Misérables, Les', year: 1995, popularity: 20 },
  { id: 99149, title: 'Misérables, Les', year: 2012, popularity: 40 },
  { id: 2116, title: 'Lord of the Rings, The', year: 1978, popularity: 15 },
  { id: 4993, title: 'Lord of the Rings: The Fellowship of the Ring, The', year: 2001, popularity: 200 },
  { id: 5952, title: 'Lord of the Rings: The Two Towers, The', year: 2002, popularity: 190 },
  { id: 7153, title: 'Lord of the Rings: The Return of the King, The', year: 2003, popularity: 185 },
  { id: 1990, title: 'Lord of War', year: 2005, popularity: 500 },
  { id: 260, title: 'Star Wars: Episode IV - A New Hope', year: 1977, popularity: 250 },
  { id: 1196, title: 'Star Wars: Episode V - The Empire Strikes Back', year: 1980, popularity: 210 },
  { id: 5378, title: 'Star Trek', year: 2009, popularity: 600 },
  { id: 1, title: 'Toy Story', year: 1995, popularity: 215 },
  { id: 3114, title: 'Toy Story 2', year: 1999, popularity: 97 },
  { id: 78499, title: 'Toy Story 3', year: 2010, popularity: 55 },
  { id: 2021, title: 'Dune', year: 1984, popularity: 60 },
  { id: 900001, title: 'Dune', year: 2021, popularity: 30 },
  { id: 858, title: 'Godfather, The', year: 1972, popularity: 192 },
  { id: 1221, title: 'Godfather: Part II, The', year: 1974, popularity: 129 },
  { id: 924, title: '2001: A Space Odyssey', year: 1968, popularity: 109 },
  { id: 900002, title: '1917', year: 2019, popularity: 25 },
  { id: 1917, title: 'Armageddon', year: 1998, popularity: 100 },
  { id: 1208, title: "Avventura, L'", year: 1960, popularity: 5 },
  { id: 33, title: 'Boot, Das', year: 1981, popularity: 50 },
];

const index = TitleIndex.build(CATALOG);
const ids = (query: string, limit?: number) => index.search(query, { limit }).map((hit) => hit.id);
const titleOf = (id: number) => CATALOG.find((movie) => movie.id === id)?.title;

describe('TitleIndex ranking', () => {
  it('puts the exact title before longer titles starting with it', () => {
    expect(ids('matrix').slice(0, 3)).toEqual([2571, 6365, 6934]);
    expect(ids('Matrix')[0]).toBe(2571);
  });

  it('understands trailing articles', () => {
    expect(ids('the matrix')[0]).toBe(2571);
    expect(ids('les miserables').slice(0, 2)).toEqual([99149, 73]);
    expect(ids('das boot')).toEqual([33]);
    expect(ids("l'avventura")).toEqual([1208]);
    expect(ids('avventura')).toEqual([1208]);
  });

  it('is accent- and case-insensitive and searches alternative titles', () => {
    expect(ids('amelie')[0]).toBe(4973);
    expect(ids('AMÉLIE')[0]).toBe(4973);
    expect(ids('fabuleux destin')).toEqual([4973]);
    expect(ids('amelie poulain')).toEqual([4973]);
  });

  it('matches every word as a prefix, in any order', () => {
    expect(ids('lord rings').slice(0, 3).sort()).toEqual([4993, 5952, 7153]);
    expect(ids('lord rings')).not.toContain(1990);
    expect(ids('rings lord')).toHaveLength(4);
    expect(ids('fellow')).toEqual([4993]);
  });

  it('ranks a title prefix above scattered words, popularity within a tier', () => {
    expect(ids('star wars')).toEqual([260, 1196]);
    expect(ids('toy story')).toEqual([1, 3114, 78499]);
    // Then typo matches fill the page ("star" is one letter from "stor…").
    expect(ids('star')).toEqual([5378, 260, 1196, 1, 3114, 78499]);
  });

  it('uses a year when the query has one', () => {
    expect(ids('dune 2021')[0]).toBe(900001);
    expect(ids('dune 1984')[0]).toBe(2021);
    expect(ids('dune')).toEqual([2021, 900001]);
    expect(ids('toy story 1999')[0]).toBe(3114);
    expect(ids('1999 matrix')[0]).toBe(2571);
  });

  it('keeps a number as a title word', () => {
    expect(ids('2001')[0]).toBe(924);
    expect(ids('2001 a space odyssey')[0]).toBe(924);
    expect(ids('1917')[0]).toBe(900002);
    expect(ids('1917 2019')[0]).toBe(900002);
  });

  it('tolerates typos, below every exact match', () => {
    expect(ids('matirx')[0]).toBe(2571);
    expect(ids('godfahter')[0]).toBe(858);
    expect(ids('amelei')[0]).toBe(4973);
    expect(ids('lord of the rigns')).toHaveLength(4);
    expect(ids('star wras').slice(0, 2)).toEqual([260, 1196]);
    expect(ids('the matirx revolutoins')[0]).toBe(6934);
    const [exact, typo] = [index.search('matrix')[0]!, index.search('matirx')[0]!];
    expect(typo.score).toBeLessThan(exact.score);
    expect(Math.floor(exact.score / 1000)).toBe(4);
    expect(Math.floor(typo.score / 1000)).toBe(1);
  });

  it('does not invent matches for short unknown words', () => {
    expect(ids('xyz')).toEqual([]);
    expect(ids('matrix xyz')).toEqual([]);
  });
});

describe('TitleIndex input handling', () => {
  it('answers nothing to empty, blank or punctuation-only queries', () => {
    for (const query of ['', '   ', '\n\t', '!!!', '...', '🎬🍿', '—']) expect(ids(query)).toEqual([]);
  });

  it('survives RTL text and emoji mixed with words', () => {
    expect(ids('שלום')).toEqual([]);
    expect(ids('🎬 matrix 🍿')[0]).toBe(2571);
    expect(ids('‏matrix‎')[0]).toBe(2571);
  });

  it('handles a 10,000-character query quickly', () => {
    for (const query of ['a'.repeat(10_000), 'matrix '.repeat(1_500), '🎬'.repeat(5_000), 'é'.repeat(10_000)]) {
      const started = performance.now();
      index.search(query);
      expect(performance.now() - started).toBeLessThan(50);
    }
    expect(ids(`matrix${' '.repeat(10_000)}reloaded`)[0]).toBe(2571);
  });

  it('pages with limit and offset', () => {
    const all = ids('the', 100);
    expect(all.length).toBeGreaterThan(5);
    expect(index.search('the', { limit: 2, offset: 2 }).map((hit) => hit.id)).toEqual(all.slice(2, 4));
    expect(index.search('the', { limit: 0 })).toEqual([]);
    expect(index.search('the', { offset: 10_000 })).toEqual([]);
    expect(index.search('the', { limit: -5 })).toEqual([]);
  });

  it('stops scanning early without changing the ranking', () => {
    // Thousands of look-alike titles with tied popularity, so that broad
    // queries take the early-stopping scans and ties decide page edges.
    const [adjectives, nouns] = [
      ['Red', 'Silent', 'Eye', 'Dark', 'Last', 'Lost', 'Big', 'Eyes', 'Star', 'Matrix'],
      ['Eye', 'Hills', 'Night', 'River', 'Sky', 'Town', 'Storm', 'Wars', 'King', 'Road'],
    ];
    const generated: SearchableMovie[] = [];
    for (let i = 0; i < 4_500; i++) {
      const [adjective, noun] = [adjectives[i % 10]!, nouns[Math.floor(i / 10) % 10]!];
      // "night" is in every title but never right after "the": "the night"
      // has thousands of candidates and no title prefix.
      const n = Math.floor(i / 100);
      const title = [`${adjective} ${noun} Night ${n}, The`, `Night of the ${noun} ${n}`, `${adjective} Night ${noun} ${n}`][i % 3]!;
      generated.push({ id: 10_000 + i, title, year: 1950 + (i % 70), popularity: i % 7 });
    }
    const big = TitleIndex.build([...CATALOG, ...generated]);
    // "the night" matches two title shapes of equal length, all as scattered
    // words: the order is popularity, then id, across both shapes.
    const expected = generated
      .filter((movie) => / Night \d+, The$|^Night of the /.test(movie.title))
      .sort((a, b) => b.popularity - a.popularity || a.id - b.id)
      .map((movie) => movie.id);
    for (const limit of [5, 25, 100]) {
      expect(big.search('the night', { limit }).map((hit) => hit.id)).toEqual(expected.slice(0, limit));
    }
    const queries = ['the night', 'the n', 'night the', 'night', 'the', 'the ey', 'the e', 'a', 'st', 'n 1984', 'night 1960', 'matirx'];
    for (const query of queries) {
      const long = big.search(query, { limit: 100 });
      for (const limit of [1, 2, 3, 5, 8, 25]) {
        expect(big.search(query, { limit }), `${query} / ${limit}`).toEqual(long.slice(0, limit));
      }
    }
  });

  it('returns at most 25 hits by default', () => {
    const many = TitleIndex.build(Array.from({ length: 60 }, (_, i) => ({ id: i + 1, title: `Saw ${i + 1}`, year: 2000, popularity: i })));
    expect(many.search('saw')).toHaveLength(25);
    expect(many.search('saw', { limit: 50 })).toHaveLength(50);
    expect(many.search('saw')[0]?.id).toBe(60);
  });

  it('indexes odd catalog rows without failing', () => {
    const odd = TitleIndex.build([
      { id: 1, title: '', year: null, popularity: Number.NaN },
      { id: 2, title: '🎬', year: null, popularity: -3 },
      { id: 3, title: '(500) Days of Summer', year: 2009, popularity: 10 },
    ]);
    expect(odd.size).toBe(3);
    expect(TitleIndex.build([]).search('matrix')).toEqual([]);
    expect(odd.search('500 days').map((hit) => hit.id)).toEqual([3]);
    expect(titleOf(2571)).toBe('Matrix, The');
  });
});

describe('TitleIndex.sameTitle', () => {
  it('finds every movie spelled exactly so, whatever the article, best known first', () => {
    expect(index.sameTitle('The Matrix')).toEqual([2571]);
    expect(index.sameTitle('Matrix')).toEqual([2571]);
    expect(index.sameTitle('Les Misérables')).toEqual([99149, 73]);
    expect(index.sameTitle("L'Avventura")).toEqual([1208]);
    expect(index.sameTitle("Le Fabuleux Destin d'Amélie Poulain")).toEqual([4973]);
  });

  it('takes no prefix, no extra word and no typo', () => {
    expect(index.sameTitle('The Matrix Reloaded 2')).toEqual([]);
    expect(index.sameTitle('Lord of the')).toEqual([]);
    expect(index.sameTitle('Matirx')).toEqual([]);
    expect(index.sameTitle('')).toEqual([]);
    expect(index.sameTitle('!!!')).toEqual([]);
  });
});

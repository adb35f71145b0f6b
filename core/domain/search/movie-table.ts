/**
 * The catalog laid out for search: flat typed arrays rather than objects per
 * movie (62k movies, ~1M word slots). Rows are ordered best-known first
 * (popularity, then the shorter title, then id), so a lower row wins a tie
 * and a scan in row order can stop as soon as no later row can win.
 */
import { TokenDictionary } from './token-dictionary.ts';
import { titleForms } from './title-parts.ts';

/** One movie as the index receives it. */
export interface SearchableMovie {
  id: number;
  /** As MovieLens spells it, without the year: "Matrix, The", "Amelie (Fabuleux destin d'Amélie Poulain, Le)". */
  title: string;
  year: number | null;
  /** Number of ratings (any non-negative measure works; only the order matters). */
  popularity: number;
}

export interface MovieTable {
  ids: Int32Array;
  /** Release year, 0 when unknown. */
  years: Int32Array;
  /** Popularity on a log scale, 0 ≤ p < 1. */
  popularity: Float64Array;
  /** Distinct word ids of all spellings of row r: words[wordStart[r] … wordStart[r+1]). */
  wordStart: Int32Array;
  words: Int32Array;
  /** Spellings of row r are forms formStart[r] … formStart[r+1]; form f is formWords[formWordStart[f] …]. */
  formStart: Int32Array;
  formWordStart: Int32Array;
  formWords: Int32Array;
  /** Rows having a spelling with these exact words, by `formKey` (a key may collide: check the rows). */
  exactForms: ReadonlyMap<number, readonly number[]>;
  /** Rows containing word w: postings[postingStart[w] … postingStart[w+1]), ascending. */
  postingStart: Int32Array;
  postings: Int32Array;
  /** Rows with a spelling that starts with word w (only these can be title prefixes), likewise. */
  leadStart: Int32Array;
  leadPostings: Int32Array;
  /** Every release year in the catalog, to tell "dune 1984" from "2001". */
  knownYears: ReadonlySet<number>;
}

/** Lays out the catalog and builds its word dictionary. */
export function buildMovieTable(movies: readonly SearchableMovie[]): { dict: TokenDictionary; table: MovieTable } {
  const vocabulary = new Set<string>();
  const parsed = movies.map((movie) => {
    const forms = titleForms(movie.title).map((form) => form.split(' '));
    for (const form of forms) for (const word of form) vocabulary.add(word);
    return { movie, forms, popularity: pop(movie), length: forms[0]?.length ?? 0 };
  });
  parsed.sort((a, b) => b.popularity - a.popularity || a.length - b.length || a.movie.id - b.movie.id);
  const rows = parsed.map((entry) => entry.movie);
  const dict = TokenDictionary.build(vocabulary);

  const maxLog = Math.log1p(parsed[0]?.popularity ?? 0);
  const formStart = [0];
  const formWordStart = [0];
  const formWords: number[] = [];
  const wordStart = [0];
  const words: number[] = [];
  const leadStart = [0];
  const leads: number[] = [];
  const exactForms = new Map<number, number[]>();
  // The last row each word was listed for, to list a row's words once without a Set per row.
  const wordSeen = new Int32Array(dict.size).fill(-1);
  const leadSeen = new Int32Array(dict.size).fill(-1);
  parsed.forEach(({ forms }, r) => {
    for (const form of forms) {
      const ids = form.map((word) => dict.idOf(word));
      for (const id of ids) {
        formWords.push(id);
        if (wordSeen[id] === r) continue;
        wordSeen[id] = r;
        words.push(id);
      }
      formWordStart.push(formWords.length);
      const first = ids[0]!;
      if (leadSeen[first] !== r) {
        leadSeen[first] = r;
        leads.push(first);
      }
      const key = formKey(ids);
      const same = exactForms.get(key);
      if (!same) exactForms.set(key, [r]);
      else if (same.at(-1) !== r) same.push(r);
    }
    formStart.push(formWordStart.length - 1);
    wordStart.push(words.length);
    leadStart.push(leads.length);
  });
  const [postingStart, postings] = invert(wordStart, words, dict.size);
  const [leadPostingStart, leadPostings] = invert(leadStart, leads, dict.size);

  const table: MovieTable = {
    ids: Int32Array.from(rows, (movie) => movie.id),
    years: Int32Array.from(rows, (movie) => movie.year ?? 0),
    popularity: Float64Array.from(parsed, (entry) => (maxLog > 0 ? (0.999 * Math.log1p(entry.popularity)) / maxLog : 0)),
    wordStart: Int32Array.from(wordStart),
    words: Int32Array.from(words),
    formStart: Int32Array.from(formStart),
    formWordStart: Int32Array.from(formWordStart),
    formWords: Int32Array.from(formWords),
    exactForms,
    postingStart,
    postings,
    leadStart: leadPostingStart,
    leadPostings,
    knownYears: new Set(rows.flatMap((movie) => (movie.year === null ? [] : [movie.year]))),
  };
  return { dict, table };
}

/** A hash of a word-id sequence, to look exact titles up (32-bit FNV-1a over the ids). */
export function formKey(ids: readonly number[]): number {
  let hash = 0x811c9dc5 ^ ids.length;
  for (const id of ids) hash = Math.imul(hash ^ id, 16777619);
  return hash >>> 0;
}

/** Popularity as a usable number: NaN, negative or missing counts as 0. */
function pop(movie: SearchableMovie): number {
  return Number.isFinite(movie.popularity) && movie.popularity > 0 ? movie.popularity : 0;
}

/** Word → rows postings (compressed sparse rows) from each row's distinct words. */
function invert(rowStart: readonly number[], rowWords: readonly number[], dictSize: number): [Int32Array, Int32Array] {
  const start = new Int32Array(dictSize + 1);
  for (const word of rowWords) start[word + 1]!++;
  for (let w = 0; w < dictSize; w++) start[w + 1]! += start[w]!;
  const fill = start.slice(0, dictSize);
  const postings = new Int32Array(rowWords.length);
  for (let r = 0; r + 1 < rowStart.length; r++) {
    for (let i = rowStart[r]!; i < rowStart[r + 1]!; i++) postings[fill[rowWords[i]!]!++] = r;
  }
  return [start, postings];
}

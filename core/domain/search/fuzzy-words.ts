/**
 * Typo tolerance: finds the dictionary words within a few edits of a query
 * word, whole ("godfahter" → "godfather") or as a prefix ("godfah" typed on
 * the way to "godfather"). Trigrams shortlist, edit distance confirms.
 */
import { boundedDistances, TOO_FAR } from './edit-distance.ts';
import { type TokenDictionary, trigrams } from './token-dictionary.ts';

/** Edits from a query word to a dictionary word; TOO_FAR when not within reach. */
export interface FuzzyCost {
  /** To the whole word. */
  whole: number;
  /** To the closest prefix of the word (never more than `whole`). */
  prefix: number;
}

/** Edits tolerated in a query word: none below 4 letters (too many near words), two from 7. */
export function allowedEdits(length: number): number {
  return length < 4 ? 0 : length < 7 ? 1 : 2;
}

const DIGITS = /^\p{N}+$/u;

export class FuzzyWords {
  /** Shared trigram counts per word id, reset after each expansion. */
  private readonly counts: Uint16Array;
  private readonly touched: number[] = [];

  constructor(private readonly dict: TokenDictionary) {
    this.counts = new Uint16Array(dict.size);
  }

  /**
   * Dictionary words near `word`, by id. Null when the word is too short or
   * a number (years and sequel numbers must match exactly). Only the word
   * being typed (`asPrefix`) may be near a mere prefix: for the others it
   * would drag in far too many words ("hole" ≈ "holi…").
   */
  expand(word: string, asPrefix: boolean): Map<number, FuzzyCost> | null {
    const max = allowedEdits(word.length);
    if (max === 0 || DIGITS.test(word)) return null;
    const grams = trigrams(word);
    // Each edit spoils at most four trigrams (a transposition); a prefix
    // match also loses the closing one. Below this count a word cannot be near.
    const needed = Math.max(1, grams.length - 1 - 4 * max);
    const { counts, touched } = this;
    const count = (id: number, by: number) => {
      if (counts[id] === 0) touched.push(id);
      counts[id] = counts[id]! + by;
    };
    for (const gram of grams) for (const id of this.dict.wordsWithGram(gram)) count(id, 1);
    // A short word with a typo in its middle ("wras") may share no trigram
    // with the intended one ("wars"). It keeps its first letter and either
    // its second or third (a typo from there on, or a swap or slip at the
    // second), and the words starting so are contiguous ranges.
    for (const start of new Set([word.slice(0, 2), word[0]! + word[2]!])) {
      const [lo, hi] = this.dict.prefixRange(start);
      for (let id = lo; id < hi; id++) count(id, needed);
    }
    const near = new Map<number, FuzzyCost>();
    for (const id of touched) {
      const enough = counts[id]! >= needed;
      counts[id] = 0;
      if (!enough) continue;
      const candidate = this.dict.words[id]!;
      if (candidate.length < word.length - max || (!asPrefix && candidate.length > word.length + max)) continue;
      const cost = boundedDistances(word, candidate, max);
      if (asPrefix && cost.prefix !== TOO_FAR) near.set(id, { whole: cost.whole, prefix: cost.prefix });
      else if (cost.whole !== TOO_FAR) near.set(id, { whole: cost.whole, prefix: cost.whole });
    }
    touched.length = 0;
    return near;
  }
}

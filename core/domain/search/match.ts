/**
 * How well one movie matches the query words: the tier of the best match
 * (exact title, title prefix, all words as prefixes anywhere, or with typos)
 * and, for typo matches, how many edits it took.
 */
import { TOO_FAR } from './edit-distance.ts';
import type { FuzzyCost } from './fuzzy-words.ts';
import type { MovieTable } from './movie-table.ts';

/** One query word, resolved against the dictionary. */
export interface Term {
  word: string;
  /** Ids [lo, hi) of the dictionary words it is a prefix of. */
  lo: number;
  hi: number;
  /** Id of the word itself, or -1. */
  exact: number;
  /** Near words, once typo tolerance is switched on. */
  fuzzy: ReadonlyMap<number, FuzzyCost> | null;
  /** An earlier query word is the same ("the … the"): nothing more to check out of order. */
  repeated: boolean;
}

/** Tiers of match quality, best highest; a match scores tier × 1000 plus its typo bonus. */
export const TIER = { EXACT: 4, PREFIX: 3, WORDS: 2, FUZZY: 1 } as const;
export const NO_MATCH = -1;

/** Edits for `term` to be a prefix of word `id` (TOO_FAR when it is not). */
function prefixCost(term: Term, id: number): number {
  if (id >= term.lo && id < term.hi) return 0;
  return term.fuzzy?.get(id)?.prefix ?? TOO_FAR;
}

/** Edits for `term` to be word `id` itself. */
function wholeCost(term: Term, id: number): number {
  if (id === term.exact) return 0;
  return term.fuzzy?.get(id)?.whole ?? TOO_FAR;
}

/** Whether `term` is a prefix of one of the row's words (exactly, no typo). */
export function rowHasPrefix(table: MovieTable, row: number, term: Term): boolean {
  for (let i = table.wordStart[row]!; i < table.wordStart[row + 1]!; i++) {
    const id = table.words[i]!;
    if (id >= term.lo && id < term.hi) return true;
  }
  return false;
}

/**
 * Scores `terms` against row `row`: tier × 1000, plus for typo matches a
 * bonus below 100 for fewer edits and then a title-like shape (exact title,
 * title prefix, scattered words). NO_MATCH when a term matches none of the
 * row's words. A number rather than an object: this runs for every candidate.
 */
export function matchScore(table: MovieTable, row: number, terms: readonly Term[]): number {
  // Scattered words: each term against its best word, in any order.
  let scattered = 0;
  for (const term of terms) {
    if (term.repeated) continue;
    let best = TOO_FAR;
    for (let i = table.wordStart[row]!; i < table.wordStart[row + 1]! && best > 0; i++) {
      best = Math.min(best, prefixCost(term, table.words[i]!));
    }
    if (best === TOO_FAR) return NO_MATCH;
    scattered += best;
  }
  // In order from the start of a spelling: the title itself or its beginning.
  let exact = TOO_FAR;
  let prefix = TOO_FAR;
  const n = terms.length;
  for (let f = table.formStart[row]!; f < table.formStart[row + 1]!; f++) {
    const start = table.formWordStart[f]!;
    const length = table.formWordStart[f + 1]! - start;
    if (length < n) continue;
    let head = 0;
    for (let i = 0; i < n - 1 && head < TOO_FAR; i++) head += wholeCost(terms[i]!, table.formWords[start + i]!);
    if (head >= TOO_FAR) continue;
    const last = table.formWords[start + n - 1]!;
    prefix = Math.min(prefix, head + prefixCost(terms[n - 1]!, last));
    if (length === n) exact = Math.min(exact, head + wholeCost(terms[n - 1]!, last));
  }
  if (exact === 0) return TIER.EXACT * 1000;
  if (prefix === 0) return TIER.PREFIX * 1000;
  if (scattered === 0) return TIER.WORDS * 1000;
  const shape = exact <= scattered ? 2 : prefix <= scattered ? 1 : 0;
  return TIER.FUZZY * 1000 + (20 - Math.min(scattered, 20)) * 4 + shape;
}

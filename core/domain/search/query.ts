/**
 * Turns what the user typed into query words, bounded so that a pasted
 * 10,000-character message costs no more than a short one.
 */
import { tokenize } from './normalize.ts';

/** Characters of the query looked at; longer input is cut before any work. */
export const MAX_QUERY_CHARS = 100;
/** Words looked at; titles rarely need more to be told apart. */
export const MAX_QUERY_WORDS = 8;

const FOUR_DIGITS = /^\d{4}$/;

export interface ParsedQuery {
  /** Normalised words, in order. */
  words: string[];
  /**
   * Index in `words` of a number that may be a release year ("dune 1984"),
   * or -1. Only a catalog year qualifies, and never a query's only word,
   * so "2001" and "1917" stay title words.
   */
  yearAt: number;
}

/** Normalises and bounds a query; `knownYears` are the catalog's release years. */
export function parseQuery(query: string, knownYears: ReadonlySet<number>): ParsedQuery {
  const words = tokenize(query.slice(0, MAX_QUERY_CHARS)).slice(0, MAX_QUERY_WORDS);
  let yearAt = -1;
  if (words.length >= 2) {
    words.forEach((word, i) => {
      if (FOUR_DIGITS.test(word) && knownYears.has(Number(word))) yearAt = i;
    });
  }
  return { words, yearAt };
}

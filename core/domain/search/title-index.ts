/**
 * The in-memory title search behind Discord autocomplete and Telegram inline
 * queries: built once from the catalog, then answers each keystroke in well
 * under Discord's 3-second budget. It scores only movies containing the
 * rarest query word, never the whole catalog, and for broad words stops as
 * soon as no further movie could change the page.
 */
import { allowedEdits, FuzzyWords } from './fuzzy-words.ts';
import { matchScore, NO_MATCH, rowHasPrefix, type Term, TIER } from './match.ts';
import { buildMovieTable, formKey, type MovieTable, type SearchableMovie } from './movie-table.ts';
import { normalizeText } from './normalize.ts';
import { parseQuery } from './query.ts';
import { titleForms } from './title-parts.ts';
import { RowLists, RowMarks } from './row-lists.ts';
import type { TokenDictionary } from './token-dictionary.ts';
import { TopK } from '../top-k.ts';

export interface SearchHit {
  id: number;
  /**
   * Higher is better: 1000 × the tier (4 exact title, 3 title prefix, 2 all
   * words as prefixes, 1 with typos, plus under 100 for fewer typos), 1500
   * more when the query's year is the movie's, and popularity as the
   * fraction (0 ≤ p < 1).
   */
  score: number;
}

export interface SearchOptions {
  /** Hits wanted (default 25, at most 100). */
  limit?: number;
  /** Hits to skip, for paging (at most 1000). */
  offset?: number;
}

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;
export const MAX_OFFSET = 1000;

/**
 * Added when the query has a year and it is the movie's: a year is a strong
 * hint, so it lifts a match one and a half tiers ("toy story 1999" puts the
 * title-prefix Toy Story 2 above the exact-title Toy Story), but a wrong-year
 * exact title still beats a right-year scattered-words one.
 */
const YEAR_BONUS = 1500;

/**
 * Candidate rows below which ranking simply scores them all: cheaper than
 * the early-stopping scans, which pay off for broad words ("the", "a").
 */
const SCORE_ALL_BELOW = 2_000;

interface YearWord {
  value: number;
  term: Term;
}

export class TitleIndex {
  private readonly lists: RowLists;
  /** Rows already scored in the current pass. */
  private readonly scored: RowMarks;

  private constructor(
    private readonly dict: TokenDictionary,
    private readonly table: MovieTable,
    private readonly fuzzy: FuzzyWords,
  ) {
    this.lists = new RowLists(table);
    this.scored = new RowMarks(table.ids.length);
  }

  /** Indexes a catalog (62k titles in a few hundred milliseconds). */
  static build(movies: readonly SearchableMovie[]): TitleIndex {
    const { dict, table } = buildMovieTable(movies);
    return new TitleIndex(dict, table, new FuzzyWords(dict));
  }

  /** Number of movies indexed. */
  get size(): number {
    return this.table.ids.length;
  }

  /**
   * Best matches for what the user typed, best first. An empty or
   * punctuation-only query has none. Typo tolerance is only paid for when
   * the exact words do not fill the requested page.
   */
  search(query: string, opts: SearchOptions = {}): SearchHit[] {
    const limit = bounded(opts.limit, DEFAULT_LIMIT, MAX_LIMIT);
    const offset = bounded(opts.offset, 0, MAX_OFFSET);
    const { words, yearAt } = parseQuery(query, this.table.knownYears);
    if (words.length === 0 || limit === 0) return [];
    const all = words.map((word, i) => this.term(word, words.indexOf(word) < i));
    const text = yearAt < 0 ? all : all.filter((_, i) => i !== yearAt);
    const year = yearAt < 0 ? null : { value: Number(words[yearAt]), term: all[yearAt]! };
    const wanted = offset + limit;

    let ranked = this.rank(text, all, year, wanted);
    if (ranked.matched < wanted && text.some((term) => allowedEdits(term.word.length) > 0)) {
      all.forEach((term, i) => (term.fuzzy = this.fuzzy.expand(term.word, i === all.length - 1)));
      ranked = this.rank(text, all, year, wanted);
    }
    return ranked.top.slice(offset).map((hit) => ({
      id: this.table.ids[hit.index]!,
      score: Math.round(hit.score * 1e4) / 1e4,
    }));
  }

  /**
   * Movies with a spelling made of exactly the words of one of `title`'s
   * spellings ("The Matrix" finds "Matrix, The"; "Amélie" finds "Amelie
   * (Fabuleux destin d'Amélie Poulain, Le)"), no typos, no prefixes: for
   * matching titles another site wrote, where search's best guess is not
   * enough. Those matching the title as written come first, each group
   * best known first.
   */
  sameTitle(title: string): number[] {
    const rows = new Set<number>();
    for (const form of new Set([normalizeText(title), ...titleForms(title)])) {
      const words = form === '' ? [] : form.split(' ').map((word) => this.dict.idOf(word));
      if (words.length === 0 || words.includes(-1)) continue;
      const found = (this.table.exactForms.get(formKey(words)) ?? []).filter((row) => this.spells(row, words));
      for (const row of found) rows.add(row);
    }
    return [...rows].map((row) => this.table.ids[row]!);
  }

  /** Whether one of row `row`'s spellings is exactly `words` (form keys may collide). */
  private spells(row: number, words: readonly number[]): boolean {
    const { formStart, formWordStart, formWords } = this.table;
    for (let f = formStart[row]!; f < formStart[row + 1]!; f++) {
      const start = formWordStart[f]!;
      if (formWordStart[f + 1]! - start !== words.length) continue;
      if (words.every((word, i) => formWords[start + i] === word)) return true;
    }
    return false;
  }

  private term(word: string, repeated: boolean): Term {
    const [lo, hi] = this.dict.prefixRange(word);
    return { word, lo, hi, exact: this.dict.idOf(word), fuzzy: null, repeated };
  }

  /**
   * Scores candidate rows in row order (best-known first), most promising
   * first: exact titles, then rows whose spelling starts with the first
   * word (the only possible title prefixes), then every row containing the
   * rarest word (at best scattered words). Each scan stops once the page is
   * full of hits that no later, less popular row could beat, so "the" does
   * not score every title with "the" in it. With typos on, or few
   * candidates, it scores them all.
   */
  private rank(text: readonly Term[], all: readonly Term[], year: YearWord | null, wanted: number) {
    const { table, scored, lists } = this;
    const top = new TopK(wanted);
    let matched = 0;
    scored.clear();
    const score = (row: number) => {
      if (!scored.mark(row)) return;
      const match = matchScore(table, row, text);
      if (match === NO_MATCH) return;
      matched++;
      let best = match + (year !== null && table.years[row] === year.value ? YEAR_BONUS : 0);
      // The number may be a title word after all ("2001 a space odyssey").
      if (year && rowHasPrefix(table, row, year.term)) {
        const asWord = matchScore(table, row, all);
        if (asWord !== NO_MATCH) best = Math.max(best, asWord + YEAR_BONUS);
      }
      top.offer(row, best + table.popularity[row]!);
    };
    const bonus = year ? YEAR_BONUS : 0;
    /** Whether a row at or after `row` could still make the page, scoring at most `ceiling`. */
    const open = (ceiling: number, row: number) => top.accepts(ceiling + bonus + table.popularity[row]!, row);
    const scan = (rows: ArrayLike<number>, ceiling: number) => {
      for (let i = 0; i < rows.length && open(ceiling, rows[i]!); i++) score(rows[i]!);
    };
    if (all.some((term) => term.fuzzy !== null) || lists.containingSize(text) <= SCORE_ALL_BELOW) {
      scan(lists.containing(text), Infinity);
    } else {
      const readings = year ? [text, all] : [text];
      for (const terms of readings) for (const row of lists.exact(terms)) score(row);
      scan(lists.leading(readings), TIER.PREFIX * 1000);
      // Row 0 is the most popular: if even it could not get in, skip the list.
      if (open(TIER.WORDS * 1000, 0)) scan(lists.containing(text), TIER.WORDS * 1000);
    }
    return { top: top.sorted(), matched };
  }
}

/** A non-negative integer option, defaulted and capped. */
function bounded(value: number | undefined, fallback: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(0, Math.floor(value)));
}

/**
 * The sorted list of every word in the catalog's titles. Sorting makes a
 * prefix a contiguous id range (so "prefix matches" is an integer range
 * check), and a trigram index over the words proposes typo candidates
 * without comparing a query word to every word.
 */

/**
 * Padded trigrams of a word (" matrix " → " ma", "mat", …, "ix "), distinct,
 * each packed into a small integer: 10 bits a character, exact below U+0400
 * (Latin, Greek), folded above. A fold can only make two words look closer
 * than they are, which the edit distance then rejects; and small-integer
 * Map keys build and look up faster than strings.
 */
export function trigrams(word: string): number[] {
  const grams: number[] = [];
  // A sliding window over " word ": a, b, c are the three units of a gram.
  let a = 32;
  let b = word.charCodeAt(0) & 0x3ff;
  for (let i = 1; i <= word.length; i++) {
    const c = i < word.length ? word.charCodeAt(i) & 0x3ff : 32;
    const gram = (a << 20) | (b << 10) | c;
    // Words are short: a linear check beats a Set.
    if (!grams.includes(gram)) grams.push(gram);
    [a, b] = [b, c];
  }
  return grams;
}

const EMPTY = new Int32Array(0);

export class TokenDictionary {
  private constructor(
    /** Words in UTF-16 code-unit order; a word's id is its position. */
    readonly words: readonly string[],
    private readonly ids: ReadonlyMap<string, number>,
    private readonly grams: ReadonlyMap<number, Int32Array>,
  ) {}

  /** Builds the dictionary and its trigram index from the distinct words. */
  static build(distinct: ReadonlySet<string>): TokenDictionary {
    const words = [...distinct].sort();
    const ids = new Map<string, number>();
    const grams = new Map<number, number[]>();
    words.forEach((word, id) => {
      ids.set(word, id);
      for (const gram of trigrams(word)) {
        const list = grams.get(gram);
        if (list) list.push(id);
        else grams.set(gram, [id]);
      }
    });
    const packed = new Map<number, Int32Array>();
    for (const [gram, list] of grams) packed.set(gram, Int32Array.from(list));
    return new TokenDictionary(words, ids, packed);
  }

  get size(): number {
    return this.words.length;
  }

  /** The id of a word, or -1. */
  idOf(word: string): number {
    return this.ids.get(word) ?? -1;
  }

  /** Ids `[lo, hi)` of the words starting with `prefix` (empty when lo === hi). */
  prefixRange(prefix: string): [number, number] {
    return [this.lowerBound(prefix), this.lowerBound(`${prefix}\uffff`)];
  }

  /** Ids of the words containing a trigram (as packed by `trigrams`), ascending. */
  wordsWithGram(gram: number): Int32Array {
    return this.grams.get(gram) ?? EMPTY;
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.words[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Text normalisation shared by the index and the queries: both sides must
 * fold a title and what a user types to the same tokens, so that "amelie"
 * meets "Amélie" and "e.t." meets "E.T.".
 */

/** Letters that NFKD does not decompose into a base letter plus a mark. */
const FOLDED: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};
const FOLDABLE = /[ßæœøđðłþıħ]/g;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /[’‘`´ʼ]/g;
/** "L.A.", "E.T.", "S.W.A.T.": one-character groups joined by dots become one word. */
const ACRONYM = /(?<![\p{L}\p{N}])(?:[\p{L}\p{N}]\.)+[\p{L}\p{N}]?(?![\p{L}\p{N}])/gu;
/** French/Italian elision ("l'amour", "d'Amélie", "qu'il"): the article is a word of its own. */
const ELISION = /(?<![\p{L}\p{N}])(\p{L}|qu)'(?=\p{L})/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
/** Anything beyond printable ASCII needs the Unicode folding. */
const NOT_PLAIN = /[^\x20-\x7e]/;

/**
 * Folds text to lowercase, accent-free words separated by single spaces.
 * Possessives are joined ("Schindler's" → "schindlers"), elided articles are
 * split ("L'Avventura" → "l avventura"), "&" reads as "and", and everything
 * that is neither a letter nor a digit (punctuation, emoji) separates words.
 */
export function normalizeText(text: string): string {
  // Most titles are plain ASCII: skip the Unicode folding steps for them.
  const folded = (NOT_PLAIN.test(text) ? foldUnicode(text) : text.toLowerCase())
    .replace(APOSTROPHES, "'")
    .replace(ACRONYM, (m) => m.replaceAll('.', ''))
    .replace(ELISION, '$1 ')
    .replaceAll("'", '')
    .replaceAll('&', ' and ')
    .replace(NOT_WORD, ' ');
  return folded.trim();
}

/** Lowercase without accents or ligatures. */
function foldUnicode(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(FOLDABLE, (c) => FOLDED[c] ?? c);
}

/** The words of `normalizeText(text)`; empty for text without letters or digits. */
export function tokenize(text: string): string[] {
  const normal = normalizeText(text);
  return normal === '' ? [] : normal.split(' ');
}

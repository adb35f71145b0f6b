/**
 * MovieLens spells titles library-style: a leading article moves to the end
 * ("Matrix, The") and alternative titles follow in parentheses ("Amelie
 * (Fabuleux destin d'Amélie Poulain, Le)", "Seven (a.k.a. Se7en)"). These
 * helpers take such a title apart so that every spelling can be searched.
 */
import { normalizeText } from './normalize.ts';

/**
 * Articles MovieLens moves to the end, in the languages of its catalog
 * (English, French, Spanish, Italian, German, Portuguese, Dutch, Scandinavian).
 */
const ARTICLES = [
  'the',
  'a',
  'an',
  'le',
  'la',
  'les',
  "l['’]",
  'un',
  'une',
  'des',
  'el',
  'los',
  'las',
  'una',
  'il',
  'lo',
  'i',
  'gli',
  'der',
  'die',
  'das',
  'ein',
  'eine',
  'o',
  'os',
  'as',
  'um',
  'uma',
  'de',
  'het',
  'een',
  'det',
  'den',
  'en',
  'ett',
  'et',
];
const TRAILING_ARTICLE = new RegExp(`^(.+?),\\s*(${ARTICLES.join('|')})$`, 'iu');
/** Leading articles that a title written the usual way may carry ("The Godfather Trilogy"). */
const LEADING_ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);
const AKA = /^a\.?k\.?a\.?\s+/i;

export interface TitleParts {
  /** The title before any parenthesised alternative, as spelled ("Matrix, The"). */
  main: string;
  /** Parenthesised alternative titles, outermost last, "a.k.a." removed. */
  alternatives: string[];
}

/** Splits the trailing "(…)" groups off a MovieLens title. A title that is all parentheses stays whole. */
export function splitTitle(title: string): TitleParts {
  let main = title.trim();
  const alternatives: string[] = [];
  while (main.endsWith(')')) {
    const open = matchingOpen(main);
    if (open <= 0) break;
    const inner = main
      .slice(open + 1, -1)
      .trim()
      .replace(AKA, '');
    if (inner !== '') alternatives.unshift(inner);
    main = main.slice(0, open).trimEnd();
  }
  return { main, alternatives };
}

/** Index of the "(" that the final ")" closes, or -1 when unbalanced. */
function matchingOpen(text: string): number {
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) return i;
  }
  return -1;
}

/** "Matrix, The" → `{ text: "The Matrix", bare: "Matrix" }`; a title without a trailing article has `bare: null`. */
export function frontArticle(title: string): { text: string; bare: string | null } {
  const match = TRAILING_ARTICLE.exec(title.trim());
  if (!match) return { text: title.trim(), bare: null };
  const [, bare = '', article = ''] = match;
  return { text: /['’]$/.test(article) ? `${article}${bare}` : `${article} ${bare}`, bare };
}

/**
 * The title as people write it: trailing article moved to the front, and
 * alternative titles dropped. "Matrix, The" → "The Matrix";
 * "Amelie (Fabuleux destin d'Amélie Poulain, Le)" → "Amelie";
 * "Avventura, L'" → "L'Avventura".
 */
export function displayTitle(title: string): string {
  const { main } = splitTitle(title);
  return main === '' ? title.trim() : frontArticle(main).text;
}

/**
 * Every normalised spelling a title should be found by: the main and each
 * alternative title, each with its article in front and without it, and
 * hyphenated words also written joined ("X-Men" → "x men" and "xmen").
 * The display spelling of the main title comes first.
 */
export function titleForms(title: string): string[] {
  const { main, alternatives } = splitTitle(title);
  const forms = new Set<string>();
  for (const part of [main, ...alternatives]) {
    const { text, bare } = frontArticle(part);
    for (const spelling of bare === null ? [text] : [text, bare]) {
      addForm(forms, normalizeText(spelling));
      if (spelling.includes('-')) addForm(forms, normalizeText(spelling.replaceAll('-', '')));
    }
  }
  return [...forms];
}

function addForm(forms: Set<string>, form: string): void {
  if (form === '') return;
  forms.add(form);
  const space = form.indexOf(' ');
  if (space > 0 && LEADING_ARTICLES.has(form.slice(0, space))) forms.add(form.slice(space + 1));
}

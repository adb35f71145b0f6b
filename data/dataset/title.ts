/**
 * MovieLens titles carry the release year at the end: "Toy Story (1995)".
 * Some have trailing spaces, some no year ("Babylon 5"), and series carry a
 * range written with a hyphen or an en dash ("Death Note (2006–2007)",
 * "(2007-)"), whose first year is the one we keep.
 */
const YEAR_SUFFIX = /\s*\((\d{4})(?:\s*[-–]\s*(?:\d{4})?)?\)$/;

export interface ParsedTitle {
  title: string;
  year: number | null;
}

/** Splits off the "(year)" suffix; the rest stays as MovieLens spells it ("Matrix, The"). */
export function parseTitle(raw: string): ParsedTitle {
  const trimmed = raw.trim();
  const match = YEAR_SUFFIX.exec(trimmed);
  if (!match) return { title: trimmed, year: null };
  const year = Number(match[1]);
  const title = trimmed.slice(0, match.index).trimEnd();
  // A bare "(1995)" is a title, not a year without one.
  return { title: title === '' ? trimmed : title, year };
}

/** Older releases name genres differently; map them to the ml-latest names. */
const RENAMED: ReadonlyMap<string, string> = new Map([["Children's", 'Children']]);
/** Placeholders meaning "no genre" (ml-latest's and ml-100k's). */
const NO_GENRE: ReadonlySet<string> = new Set(['', '(no genres listed)', 'unknown']);

/** Normalises genre names: "Children's" becomes "Children", placeholders are dropped. */
export function normalizeGenres(names: readonly string[]): string[] {
  const genres: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (NO_GENRE.has(name)) continue;
    genres.push(RENAMED.get(name) ?? name);
  }
  return genres;
}

/** Parses a `|`-separated genres field ("Adventure|Children", "(no genres listed)"). */
export function parseGenres(field: string): string[] {
  return normalizeGenres(field.split('|'));
}

/**
 * Test and benchmark support, not product code: loads a MovieLens CSV
 * folder as SearchableMovie rows. The product builds the index from the
 * catalog store; core may not import data/, so this is a minimal reader.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SearchableMovie } from '../movie-table.ts';

const YEAR_SUFFIX = /\s*\((\d{4})(?:\s*[-–]\s*(?:\d{4})?)?\)$/;

/** Splits one CSV line with RFC 4180 quoting ("a, b" and doubled quotes). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields;
}

/** "Matrix, The (1999)" → { title: "Matrix, The", year: 1999 }. */
function splitYear(raw: string): { title: string; year: number | null } {
  const trimmed = raw.trim();
  const match = YEAR_SUFFIX.exec(trimmed);
  if (!match || match.index === 0) return { title: trimmed, year: null };
  return { title: trimmed.slice(0, match.index).trimEnd(), year: Number(match[1]) };
}

/** Reads `dir`/movies.csv, with popularity = rating count from ratings.csv when `withRatings`. */
export function loadMovieLensCsv(dir: string, withRatings: boolean): SearchableMovie[] {
  const counts = new Map<number, number>();
  if (withRatings) {
    const ratings = fs.readFileSync(path.join(dir, 'ratings.csv'), 'utf8');
    // userId,movieId,… — the second field, without splitting every line.
    for (let start = ratings.indexOf('\n') + 1; start > 0 && start < ratings.length;) {
      const end = ratings.indexOf('\n', start);
      const comma = ratings.indexOf(',', start);
      const id = Number(ratings.slice(comma + 1, ratings.indexOf(',', comma + 1)));
      counts.set(id, (counts.get(id) ?? 0) + 1);
      start = end < 0 ? ratings.length : end + 1;
    }
  }
  const lines = fs.readFileSync(path.join(dir, 'movies.csv'), 'utf8').split(/\r?\n/).slice(1);
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [id = '', rawTitle = ''] = splitCsvLine(line);
      const { title, year } = splitYear(rawTitle);
      return { id: Number(id), title, year, popularity: counts.get(Number(id)) ?? 0 };
    });
}

import { describe, expect, it } from 'vitest';
import { importSummaryText, summarizeImport, type ImportSummary } from './summary.ts';
import type { ImportedMovie, ImportKind, NotFound } from './types.ts';

const movies = (counts: Partial<Record<ImportKind, number>>): ImportedMovie[] =>
  Object.entries(counts).flatMap(([kind, n]) => Array.from({ length: n }, (_, i) => ({ movieId: i, kind: kind as ImportKind })));
const missing = (n: number): NotFound[] => Array.from({ length: n }, (_, i) => ({ title: `Film ${i + 1}`, year: 2019 }));

describe('importSummaryText', () => {
  it('counts each meaning and names what was not found', () => {
    const summary = summarizeImport({ movies: movies({ like: 120, dislike: 31, seen: 243, watchlist: 18 }), notFound: missing(3) });
    expect(summary).toMatchObject({ films: 412, counts: { like: 120, dislike: 31, seen: 243, watchlist: 18 }, skipped: 0 });
    expect(importSummaryText(summary)).toBe(
      'Imported 412 films: 120 👍, 31 👎, 243 seen, 18 to watch; 3 not found: Film 1 (2019), Film 2 (2019), Film 3 (2019).',
    );
  });

  it('leaves out meanings with none, and says "1 film"', () => {
    expect(importSummaryText(summarizeImport({ movies: movies({ watchlist: 1 }), notFound: [] }))).toBe('Imported 1 film: 1 to watch.');
    expect(importSummaryText(summarizeImport({ movies: movies({ like: 2, seen: 1 }), notFound: [] }))).toBe('Imported 3 films: 2 👍, 1 seen.');
  });

  it('lists ten films not found, then how many more, cutting long titles and showing no year when there is none', () => {
    const notFound = [{ title: 'A'.repeat(80), year: null }, ...missing(11)];
    const text = importSummaryText(summarizeImport({ movies: movies({ like: 1 }), notFound }));
    expect(text).toBe(
      `Imported 1 film: 1 👍; 12 not found: ${'A'.repeat(59)}…, ${missing(9)
        .map((f) => `${f.title} (2019)`)
        .join(', ')} and 2 more.`,
    );
  });

  it('says so when nothing matched, and counts what was skipped', () => {
    const summary: ImportSummary = summarizeImport({ movies: [], notFound: missing(2) }, 3);
    expect(importSummaryText(summary)).toBe('Nothing imported; 2 not found: Film 1 (2019), Film 2 (2019); 3 skipped (not films, or not rated).');
  });
});

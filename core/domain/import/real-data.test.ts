/**
 * The Letterboxd fixtures against the real ml-latest-small catalog and its
 * links.csv (skipped when the folder is absent, failed under CI; see
 * test/support/movielens.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ML_LATEST_SMALL } from '../../../test/support/movielens.ts';
import type { MovieCatalog } from '../catalog.ts';
import { matchImport } from './match.ts';
import { readImport } from './read-import.ts';
import { importSummaryText, summarizeImport } from './summary.ts';
import { fixture } from './testing/fixtures.ts';
import { MemoryArchiveReader } from './testing/memory-archive.ts';
import { movieLensCatalog } from './testing/movielens-catalog.ts';

if (!ML_LATEST_SMALL.present) console.warn(`import real-data tests skipped: no MovieLens folder at ${ML_LATEST_SMALL.dir}`);

describe.skipIf(!ML_LATEST_SMALL.present)('importing into the ml-latest-small catalog', () => {
  let catalog: MovieCatalog;
  beforeAll(() => {
    catalog = movieLensCatalog(ML_LATEST_SMALL.dir);
  });
  const imported = async (name: string) => {
    const parsed = await readImport(fixture(name), new MemoryArchiveReader('corrupt'));
    return { match: matchImport(parsed.entries, catalog), skipped: parsed.skipped };
  };

  it("matches Letterboxd's 32 rated films but the two newer than the catalog", async () => {
    const { match } = await imported('letterboxd/letterboxd-ratings.csv');
    const titles = match.movies.map((m) => catalog.get(m.movieId)?.title);
    expect(titles).toHaveLength(30);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Matrix, The',
        "Amelie (Fabuleux destin d'Amélie Poulain, Le)",
        'Léon: The Professional (a.k.a. The Professional) (Léon)',
        'Seven (a.k.a. Se7en)',
        'Star Wars: Episode IV - A New Hope',
        'Lock, Stock & Two Smoking Barrels',
        'Crouching Tiger, Hidden Dragon (Wo hu cang long)',
        "Harry Potter and the Sorcerer's Stone (a.k.a. Harry Potter and the Philosopher's Stone)",
        'WALL·E',
      ]),
    );
    // The catalog has a Parasite, from 1982: a year apart by far more than one.
    expect(match.notFound).toEqual([
      { title: 'Parasite', year: 2019 },
      { title: 'Everything Everywhere All at Once', year: 2022 },
    ]);
    expect(importSummaryText(summarizeImport(match))).toBe(
      'Imported 30 films: 18 👍, 4 👎, 8 seen; 2 not found: Parasite (2019), Everything Everywhere All at Once (2022).',
    );
  });

  it("matches IMDb's and Trakt's exports by id", async () => {
    const imdb = await imported('imdb-ratings.csv');
    expect(importSummaryText(summarizeImport(imdb.match, imdb.skipped))).toBe(
      'Imported 10 films: 5 👍, 2 👎, 3 seen; 1 not found: Parasite (2019); 2 skipped (not films, or not rated).',
    );
    const trakt = await imported('trakt-export.json');
    expect(importSummaryText(summarizeImport(trakt.match, trakt.skipped))).toBe(
      'Imported 5 films: 1 👍, 1 👎, 2 seen, 1 to watch; 1 not found: Klaus (2019); 1 skipped (not films, or not rated).',
    );
  });
});

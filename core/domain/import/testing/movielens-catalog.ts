/**
 * Test support: the real ml-latest-small catalog with its links.csv ids, as
 * the product loads it from the database (movies.imdb_id / tmdb_id).
 */
import fs from 'node:fs';
import path from 'node:path';
import { MovieCatalog } from '../../catalog.ts';
import { loadMovieLensCsv } from '../../search/testing/movielens-csv.ts';

export function movieLensCatalog(dir: string): MovieCatalog {
  const links = new Map<number, { imdbId: number | null; tmdbId: number | null }>();
  const lines = fs.readFileSync(path.join(dir, 'links.csv'), 'utf8').split(/\r?\n/).slice(1);
  for (const line of lines) {
    const [id, imdb, tmdb] = line.split(',');
    if (!id) continue;
    links.set(Number(id), { imdbId: imdb ? Number(imdb) : null, tmdbId: tmdb ? Number(tmdb) : null });
  }
  const movies = loadMovieLensCsv(dir, true);
  return new MovieCatalog(
    movies.map((m) => ({ id: m.id, title: m.title, year: m.year, genres: [], imdbId: null, tmdbId: null, ...links.get(m.id) })),
    new Map(movies.map((m) => [m.id, m.popularity])),
  );
}

/**
 * Reads a whole dataset into memory, for tests on small datasets: the way the
 * importer will call the readers (movies first, their ids checking the rest).
 */
import { readLinks, readMovies, readRatings, readTags } from '../dataset/readers.ts';
import type { DatasetFiles, LinkRow, MovieRow, RowProblem, TagRow } from '../dataset/types.ts';
import type { FixtureRating } from './fixture-data.ts';

export interface DatasetContents {
  movies: MovieRow[];
  ratings: FixtureRating[];
  tags: TagRow[];
  links: LinkRow[];
  /** All problems, sorted by file then line. */
  problems: RowProblem[];
}

export async function readAll(files: DatasetFiles, batchSize?: number): Promise<DatasetContents> {
  const out: DatasetContents = { movies: [], ratings: [], tags: [], links: [], problems: [] };
  for await (const batch of readMovies(files, { batchSize })) {
    out.movies.push(...batch.rows);
    out.problems.push(...batch.problems);
  }
  const opts = { batchSize, movieIds: new Set(out.movies.map((m) => m.id)) };
  if (files.ratings) {
    for await (const batch of readRatings(files, opts)) {
      for (let i = 0; i < batch.count; i++) {
        out.ratings.push({
          userId: batch.userIds[i]!,
          movieId: batch.movieIds[i]!,
          rating: batch.ratings[i]!,
          timestamp: batch.timestamps[i]!,
        });
      }
      out.problems.push(...batch.problems);
    }
  }
  if (files.tags) {
    for await (const batch of readTags(files, opts)) {
      out.tags.push(...batch.rows);
      out.problems.push(...batch.problems);
    }
  }
  if (files.links) {
    for await (const batch of readLinks(files, opts)) {
      out.links.push(...batch.rows);
      out.problems.push(...batch.problems);
    }
  }
  out.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return out;
}

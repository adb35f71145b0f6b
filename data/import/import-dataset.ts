import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database, SqlTx } from '../../core/wiring.ts';
import { detectDataset, readLinks, readMovies, readRatings, readTags } from '../dataset/index.ts';
import type { DatasetFiles, LinkRow, MovieRow } from '../dataset/types.ts';
import { DatasetError } from '../dataset/types.ts';
import { copyNullable, copyText, copyTextArray } from './copy-format.ts';
import { ImportRejectedError, ProblemLog } from './import-errors.ts';

export type ImportStage = 'movies' | 'ratings' | 'tags';

export interface ImportProgress {
  stage: ImportStage;
  rows: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ImportOptions {
  database: Database;
  /** A MovieLens release folder in any layout `detectDataset` knows. */
  dir: string;
  /** Import the good rows and report the bad ones, instead of aborting. */
  skipInvalid?: boolean;
  /** Called as rows stream in; also the place where a caller may abort by throwing. */
  onProgress?: (progress: ImportProgress) => void;
  /** Called when a stage starts, for a human log line. */
  onStage?: (stage: ImportStage, file: string) => void;
}

export interface ImportSummary {
  files: DatasetFiles;
  counts: { movies: number; links: number; ratings: number; tags: number };
  /** Rows left out with --skip-invalid (always 0 otherwise: the import aborts instead). */
  problems: ProblemLog;
  fingerprint: string;
  elapsedMs: number;
}

/**
 * Imports a MovieLens release in one transaction: movies are upserted (community
 * favourites point at them), ratings and tags present in the release replace
 * the previous ones. A malformed row aborts the whole import unless
 * `skipInvalid`; any failure leaves the database as it was.
 */
export async function importDataset(opts: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const files = await detectDataset(opts.dir);
  const problems = new ProblemLog();
  const rejectIfProblems = () => {
    if (problems.total > 0 && !opts.skipInvalid) throw new ImportRejectedError(problems);
  };

  opts.onStage?.('movies', files.movies);
  const movieRows: MovieRow[] = [];
  for await (const batch of readMovies(files, {})) {
    movieRows.push(...batch.rows);
    problems.add(batch.problems);
  }
  const movieIds = new Set(movieRows.map((m) => m.id));
  const links = new Map<number, LinkRow>();
  if (files.links) {
    for await (const batch of readLinks(files, { movieIds })) {
      for (const row of batch.rows) links.set(row.movieId, row);
      problems.add(batch.problems);
    }
  }
  if (movieRows.length === 0 && problems.total === 0) throw new DatasetError(`${files.movies} holds no movies`);

  const fingerprint = await fingerprintOf(files);
  const idSpace = files.layout === 'ml-100k' ? 'ml-100k' : 'movielens';
  const counts = { movies: movieRows.length, links: links.size, ratings: 0, tags: 0 };

  await opts.database.sql.transaction(async (tx) => {
    // A 25M-row COPY outlives the pool's default 30 s statement timeout.
    await tx.query('SET LOCAL statement_timeout = 0');
    await tx.query(`SET LOCAL idle_in_transaction_session_timeout = '10min'`);
    await switchIdSpaceIfNeeded(tx, idSpace);
    await upsertMovies(tx, movieRows, links);
    opts.onProgress?.({ stage: 'movies', rows: movieRows.length, bytesRead: 0, totalBytes: 0 });

    if (files.ratings) {
      opts.onStage?.('ratings', files.ratings);
      const totalBytes = (await fs.stat(files.ratings)).size;
      await tx.query('TRUNCATE ratings');
      await tx.copyFrom(
        'ratings',
        ['ml_user_id', 'movie_id', 'rating', 'rated_at'],
        (async function* () {
          for await (const b of readRatings(files, { movieIds })) {
            problems.add(b.problems);
            counts.ratings += b.count;
            opts.onProgress?.({ stage: 'ratings', rows: counts.ratings, bytesRead: b.bytesRead, totalBytes });
            // Once the import is doomed, keep reading (to report every bad row) but stop writing.
            if (problems.total > 0 && !opts.skipInvalid) continue;
            let text = '';
            for (let i = 0; i < b.count; i++) {
              text += `${b.userIds[i]}\t${b.movieIds[i]}\t${b.ratings[i]}\t${b.timestamps[i]}\n`;
            }
            yield text;
          }
        })(),
      );
    }

    if (files.tags) {
      opts.onStage?.('tags', files.tags);
      const totalBytes = (await fs.stat(files.tags)).size;
      await tx.query('TRUNCATE tags');
      await tx.copyFrom(
        'tags',
        ['ml_user_id', 'movie_id', 'tag', 'tagged_at'],
        (async function* () {
          for await (const b of readTags(files, { movieIds })) {
            problems.add(b.problems);
            counts.tags += b.rows.length;
            opts.onProgress?.({ stage: 'tags', rows: counts.tags, bytesRead: b.bytesRead, totalBytes });
            if (problems.total > 0 && !opts.skipInvalid) continue;
            yield b.rows.map((t) => `${t.userId}\t${t.movieId}\t${copyText(t.tag)}\t${t.timestamp}\n`).join('');
          }
        })(),
      );
    }
    // Every file was read, so the user sees all bad rows at once; throwing here rolls back.
    rejectIfProblems();

    await tx.query(`INSERT INTO dataset_imports (source, layout, id_space, fingerprint, counts) VALUES ($1, $2, $3, $4, $5)`, [
      path.resolve(files.dir),
      files.layout,
      idSpace,
      fingerprint,
      JSON.stringify(counts),
    ]);
  });

  return { files, counts, problems, fingerprint, elapsedMs: Date.now() - started };
}

async function upsertMovies(tx: SqlTx, rows: MovieRow[], links: Map<number, LinkRow>): Promise<void> {
  await tx.query('CREATE TEMP TABLE movies_stage (LIKE movies) ON COMMIT DROP');
  await tx.copyFrom(
    'movies_stage',
    ['id', 'title', 'year', 'genres', 'imdb_id', 'tmdb_id'],
    (async function* () {
      for (let start = 0; start < rows.length; start += 5000) {
        yield rows
          .slice(start, start + 5000)
          .map((m) => {
            const link = links.get(m.id);
            return `${m.id}\t${copyText(m.title)}\t${copyNullable(m.year)}\t${copyTextArray(m.genres)}\t${copyNullable(link?.imdbId)}\t${copyNullable(link?.tmdbId)}\n`;
          })
          .join('');
      }
    })(),
  );
  // A release without links.csv keeps the ids an earlier import brought.
  await tx.query(`
    INSERT INTO movies (id, title, year, genres, imdb_id, tmdb_id)
    SELECT id, title, year, genres, imdb_id, tmdb_id FROM movies_stage
    ON CONFLICT (id) DO UPDATE SET
      title = excluded.title,
      year = excluded.year,
      genres = excluded.genres,
      imdb_id = coalesce(excluded.imdb_id, movies.imdb_id),
      tmdb_id = coalesce(excluded.tmdb_id, movies.tmdb_id)`);
}

/**
 * ml-100k numbers its movies differently from every other release. Moving
 * between the two replaces the catalog, which is only safe while no favourite,
 * feedback, seen film or watchlist entry points into it.
 */
async function switchIdSpaceIfNeeded(tx: SqlTx, idSpace: string): Promise<void> {
  const [last] = await tx.query<{ id_space: string }>('SELECT id_space FROM dataset_imports ORDER BY id DESC LIMIT 1');
  if (!last || last.id_space === idSpace) return;
  const [used] = await tx.query<{ n: number }>(
    'SELECT (SELECT count(*) FROM favorites) + (SELECT count(*) FROM feedback_events) + (SELECT count(*) FROM seen) + (SELECT count(*) FROM watchlist) AS n',
  );
  if (Number(used?.n ?? 0) > 0) {
    throw new DatasetError(
      `This release numbers movies differently (${idSpace}) from the imported catalog (${last.id_space}), ` +
        'and community favourites, feedback, seen films or watchlists refer to that catalog; import a release of the same family instead.',
    );
  }
  await tx.query('TRUNCATE ratings, tags');
  await tx.query('DELETE FROM movies');
}

/** Identifies a release by its layout and its files' names and sizes (cheap; no second read). */
async function fingerprintOf(files: DatasetFiles): Promise<string> {
  const hash = createHash('sha256').update(files.layout);
  for (const file of [files.movies, files.links, files.ratings, files.tags]) {
    if (!file) continue;
    hash.update(`\n${path.basename(file)}:${(await fs.stat(file)).size}`);
  }
  return hash.digest('hex').slice(0, 16);
}

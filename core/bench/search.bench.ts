/**
 * node --import tsx core/bench/search.bench.ts
 *
 * Builds the title index over the ML-25M catalog (62,423 titles; set
 * MOVIELENS_25M_CATALOG, default ../shared/data/ml-25m-catalog) and times
 * ~2,000 autocomplete-like queries: prefixes being typed, full titles, one
 * typo, a year, and empty or garbage input. Target: p99 ≤ 5 ms, build ≤ ~1 s.
 * Add --expose-gc for an exact heap figure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from '../domain/random.ts';
import { displayTitle, TitleIndex, type SearchableMovie } from '../domain/search/index.ts';
import { loadMovieLensCsv } from '../domain/search/testing/movielens-csv.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const QUERIES = 2_000;
const WARM_UP = 200;

/** Deterministic, so runs compare. */
const seeded = mulberry32;

const GARBAGE = ['', '   ', '🎬🍿🎥', '!!!???...', 'فيلم جميل', 'שלום עולם', '%%%', 'x'.repeat(10_000), 'the '.repeat(2_500)];

/** One typo in a random letter: swap with the next, drop, or replace. */
function typo(text: string, random: () => number): string {
  const i = Math.floor(random() * Math.max(1, text.length - 1));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return text.slice(0, i) + (text[i + 1] ?? '') + (text[i] ?? '') + text.slice(i + 2);
  if (kind === 1) return text.slice(0, i) + text.slice(i + 1);
  return text.slice(0, i) + 'etaoinsr'[Math.floor(random() * 8)] + text.slice(i + 1);
}

/** The query mix: 40% prefixes, 20% full titles, 15% typos, 15% with a year, 10% garbage. */
function benchQueries(movies: readonly SearchableMovie[], count: number, seed = 7): string[] {
  const random = seeded(seed);
  const pick = () => movies[Math.floor(random() * movies.length)]!;
  const queries: string[] = [];
  for (let q = 0; q < count; q++) {
    const roll = random();
    const movie = pick();
    const title = displayTitle(movie.title);
    if (roll < 0.4) queries.push(title.slice(0, 3 + Math.floor(random() * 10)));
    else if (roll < 0.6) queries.push(title);
    else if (roll < 0.75) queries.push(typo(title, random));
    else if (roll < 0.9) queries.push(`${title.split(' ').slice(0, 2).join(' ')} ${movie.year ?? 1999}`);
    else queries.push(GARBAGE[Math.floor(random() * GARBAGE.length)]!);
  }
  return queries;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs the benchmark and prints its figures; the combined bench reads the result. */
export async function runSearchBench(): Promise<{ buildMs: number; p50: number; p99: number }> {
  const dir = path.resolve(process.env.MOVIELENS_25M_CATALOG ?? path.join(repo, '../shared/data/ml-25m-catalog'));
  if (!fs.existsSync(path.join(dir, 'movies.csv'))) {
    throw new Error(`search bench needs the ML-25M catalog at ${dir} (set MOVIELENS_25M_CATALOG)`);
  }
  const movies = loadMovieLensCsv(dir, false);
  // With --expose-gc the memory figure is the index alone, not garbage.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  // Typed arrays live outside the JS heap: count both.
  const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const memoryBefore = memory();
  const started = performance.now();
  const index = TitleIndex.build(movies);
  const buildMs = performance.now() - started;
  gc?.();
  const memoryMb = (memory() - memoryBefore) / 1e6;

  for (const query of benchQueries(movies, WARM_UP, 1)) index.search(query);
  const times: number[] = [];
  let hits = 0;
  for (const query of benchQueries(movies, QUERIES)) {
    const t = performance.now();
    hits += index.search(query).length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const [p50, p99, max] = [percentile(times, 50), percentile(times, 99), times.at(-1) ?? 0];

  console.log(`bench:search (${index.size.toLocaleString('en-US')} titles, ${QUERIES} queries after ${WARM_UP} warm-up)`);
  console.log(`  build     ${buildMs.toFixed(0)} ms (target < 1000 ms), memory +${memoryMb.toFixed(0)} MB`);
  console.log(`  p50       ${p50.toFixed(3)} ms`);
  console.log(`  p99       ${p99.toFixed(3)} ms (target ≤ 5 ms)`);
  console.log(`  max       ${max.toFixed(3)} ms`);
  console.log(`  hits/query ${(hits / QUERIES).toFixed(1)}`);
  return { buildMs, p50, p99 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runSearchBench().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}

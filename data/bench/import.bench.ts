/**
 * npm run bench:import [-- --rows N]
 *
 * Generates an ML-25M-sized ratings.csv (25M rows by default) over the ML-25M
 * catalog and imports it into a fresh PostgreSQL database through the real
 * `moviebot data import`, printing wall time, throughput and the importer's
 * peak RSS. The generated folder is cached in the OS temp dir between runs.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPostgresDatabase } from '../../test/support/databases.ts';
import { generateRatings } from './generate-ratings.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rowsArg = process.argv.indexOf('--rows');
const rows = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 25_000_000;
const catalog = process.env.MOVIELENS_25M_CATALOG ?? path.resolve(root, '../shared/data/ml-25m-catalog');

const moviesCsv = path.join(catalog, 'movies.csv');
if (!fs.existsSync(moviesCsv)) {
  console.error(`bench:import needs the ML-25M catalog at ${moviesCsv} (set MOVIELENS_25M_CATALOG)`);
  process.exit(1);
}

const dir = path.join(os.tmpdir(), `moviebot-bench-import-${rows}`);
const ratingsCsv = path.join(dir, 'ratings.csv');
if (!fs.existsSync(path.join(dir, '.complete'))) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(moviesCsv, path.join(dir, 'movies.csv'));
  const ids = fs
    .readFileSync(moviesCsv, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => Number(line.slice(0, line.indexOf(','))));
  const t = Date.now();
  await generateRatings(ratingsCsv, ids, rows);
  fs.writeFileSync(path.join(dir, '.complete'), '');
  console.log(
    `generated ${rows.toLocaleString('en-US')} ratings over ${ids.length.toLocaleString('en-US')} movies in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
}
const sizeMb = fs.statSync(ratingsCsv).size / 1e6;
console.log(`dataset: ${dir} (ratings.csv ${sizeMb.toFixed(0)} MB)`);

const database = await createPostgresDatabase();
try {
  const started = Date.now();
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(path.join(root, 'bin/moviebot'), ['data', 'import', '--from', dir], {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (d: Buffer) => {
      text += d;
      process.stdout.write(d);
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`import exited with ${code}`))));
  });
  const seconds = (Date.now() - started) / 1000;
  const peak = /peak memory ([\d.]+ [KMG]B)/.exec(output)?.[1] ?? 'unknown';
  console.log('');
  console.log('bench:import (PostgreSQL, COPY, one transaction)');
  console.log(`  ratings        ${rows.toLocaleString('en-US')}`);
  console.log(`  wall time      ${seconds.toFixed(1)} s (target < 600 s)`);
  console.log(`  throughput     ${Math.round(rows / seconds).toLocaleString('en-US')} ratings/s`);
  console.log(`  peak RSS       ${peak} (target < 1.5 GB)`);
} finally {
  await database.drop();
}

/**
 * npm run bench:speed [-- --skip-25m]
 *
 * Recommendation and search latency, training time and memory:
 *  1. ml-latest-small: train, save, load, then recommend p50/p99 for one
 *     user through the served shortlist, a scan of the catalog (and how often
 *     it returns the exact list), and the same through an HNSW shortlist;
 *     a server's group pick for 10/50/200/1000 members, served against exact.
 *  2. Title search p50/p99 on the 62,423-title ML-25M catalog.
 *  3. An ML-25M-sized generated set (25M ratings over the ML-25M catalog,
 *     power-law popularity): `moviebot train` time and peak RSS in a child
 *     process, then recommend p50/p99 on the resulting 62k-movie model.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EaseRecommender } from '../../core/index.ts';
import { loadModel, saveModel, trainModel } from '../../core/wiring.ts';
import { runSearchBench } from '../../core/bench/search.bench.ts';
import { formatBytes, loadTrainingData } from '../../data/index.ts';
import { generateRatings } from '../../data/bench/generate-ratings.ts';
import { runGroupPickBench } from './group-pick.ts';
import { latency, overlapAtK, sampleProfiles } from './latency.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const small = path.resolve(process.env.MOVIELENS_DIR ?? path.join(root, '../shared/data/ml-latest-small'));
const catalog = path.resolve(process.env.MOVIELENS_25M_CATALOG ?? path.join(root, '../shared/data/ml-25m-catalog'));
const skip25m = process.argv.includes('--skip-25m');
const ms = (x: number) => `${x.toFixed(2)} ms`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'moviebot-bench-speed-'));

console.log('== 1. ml-latest-small model');
const data = await loadTrainingData(small);
let t = performance.now();
const trained = await trainModel(data);
console.log(`  train (fit)        ${trained.manifest.trainingSeconds.toFixed(1)} s on ${trained.manifest.backend}; rank ${trained.manifest.rank}`);
await saveModel(path.join(work, 'small'), trained);
console.log(`  train + save       ${((performance.now() - t) / 1000).toFixed(1)} s (target ≤ 30 s); 9,742 movies are scanned: no HNSW build`);
t = performance.now();
const model = await loadModel(path.join(work, 'small'));
console.log(`  load               ${ms(performance.now() - t)} (target < 1 s)`);
const profiles = sampleProfiles(data.ratings, 2000);
const one = latency(profiles, (p) => model.recommender.recommend(p, 20));
console.log(`  recommend k=20     p50 ${ms(one.p50)}  p99 ${ms(one.p99)}  max ${ms(one.max)} (target p99 ≤ 2 ms)`);
const exact = new EaseRecommender(trained.factors, trained.manifest.serving);
const brute = latency(profiles.slice(0, 500), (p) => exact.recommend(p, 20));
console.log(`  exact scan k=20    p50 ${ms(brute.p50)}  p99 ${ms(brute.p99)} (no index, for comparison)`);
console.log(`  shortlist overlap  ${(overlapAtK(model.recommender, exact, profiles.slice(0, 500), 20) * 100).toFixed(1)}% of the exact top-20`);
// The same model with the HNSW index that catalogs over SCAN_MAX_ITEMS get, for the comparison.
t = performance.now();
await saveModel(path.join(work, 'small-hnsw'), trained, { scanMaxItems: 0 });
const hnsw = await loadModel(path.join(work, 'small-hnsw'), { scanMaxItems: 0 });
const viaHnsw = latency(profiles, (p) => hnsw.recommender.recommend(p, 20));
console.log(
  `  via HNSW instead   p50 ${ms(viaHnsw.p50)}  p99 ${ms(viaHnsw.p99)}; overlap ${(overlapAtK(hnsw.recommender, exact, profiles.slice(0, 500), 20) * 100).toFixed(1)}%; save + load ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

console.log('== 1b. server-wide group pick, 20 favourites a member (served: the shortlist; exact: every item)');
runGroupPickBench(model.recommender, exact, data.ratings);

console.log('== 2. title search, 62,423 titles');
const search = await runSearchBench();
console.log(`  build ${ms(search.buildMs)}; p50 ${ms(search.p50)}  p99 ${ms(search.p99)} (target p99 ≤ 5 ms)`);

if (!skip25m) {
  console.log('== 3. ML-25M-sized generated set (25M ratings, 62,423 movies)');
  const dir = path.join(os.tmpdir(), 'moviebot-bench-import-25000000');
  if (!fs.existsSync(path.join(dir, '.complete'))) {
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(catalog, 'movies.csv'), path.join(dir, 'movies.csv'));
    const ids = fs
      .readFileSync(path.join(catalog, 'movies.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => Number(l.slice(0, l.indexOf(','))));
    await generateRatings(path.join(dir, 'ratings.csv'), ids, 25_000_000);
    fs.writeFileSync(path.join(dir, '.complete'), '');
  }
  t = performance.now();
  const run = spawnSync(path.join(root, 'bin/moviebot'), ['train', '--data', dir, '--model', path.join(work, 'big')], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  if (run.status !== 0) throw new Error(`train failed: ${run.stderr}`);
  process.stdout.write(run.stdout.replace(/^/gm, '    '));
  const peak = /peak memory ([\d.]+ [KMG]B)/.exec(run.stdout)?.[1];
  console.log(`  train 25M          ${((performance.now() - t) / 1000).toFixed(0)} s wall, peak RSS ${peak} (targets ≤ 20 min, ≤ 6 GB)`);
  t = performance.now();
  const big = await loadModel(path.join(work, 'big'));
  console.log(`  load               ${ms(performance.now() - t)}`);
  const bigData = await loadTrainingData(dir);
  const bigProfiles = sampleProfiles(bigData.ratings, 2000, 7);
  const r = latency(bigProfiles, (p) => big.recommender.recommend(p, 20));
  console.log(`  recommend k=20     p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  max ${ms(r.max)} (target p99 ≤ 3 ms)`);
}
fs.rmSync(work, { recursive: true, force: true });
console.log(`peak RSS of this process ${formatBytes(process.resourceUsage().maxRSS * 1024)}`);

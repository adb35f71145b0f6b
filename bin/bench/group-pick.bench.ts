/**
 * node --import tsx bin/bench/group-pick.bench.ts  (also section 1 of bench:speed)
 *
 * Server-wide group pick on ml-latest-small for 10/50/200/1000 members with
 * 20 favourites each: the served model (its shortlist index) against the exact
 * scan over every item, in one run, and the share of the exact top-10 kept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EaseRecommender } from '../../core/index.ts';
import { loadModel, saveModel, trainModel } from '../../core/wiring.ts';
import { loadTrainingData } from '../../data/index.ts';
import { runGroupPickBench } from './group-pick.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const small = path.resolve(process.env.MOVIELENS_DIR ?? path.join(root, '../shared/data/ml-latest-small'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'moviebot-bench-group-'));
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);

const data = await loadTrainingData(small);
const trained = await trainModel(data);
await saveModel(work, trained);
const { recommender: served } = await loadModel(work);
const exact = new EaseRecommender(trained.factors, trained.manifest.serving);
console.log(`== group pick, ml-latest-small (${trained.manifest.items} movies, rank ${trained.manifest.rank})`);
runGroupPickBench(served, exact, data.ratings, sizes.length > 0 ? { sizes } : {});
fs.rmSync(work, { recursive: true, force: true });

/**
 * npm run bench:retrain [-- --rounds N]
 *
 * What a retrain costs the answers of the process it runs in (`moviebot
 * start` without Redis: PGlite and the in-process runner). ml-latest-small
 * imported into an in-memory PGlite; then, in the same run and alternately,
 * forced retrains with the training on this thread (before) and on a worker
 * thread (after). During each: the event-loop lag (a 10 ms interval's
 * lateness: max and p99) and the latency of an interaction every 50 ms (a
 * member adds a favourite and asks for recommendations, as the bots do).
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addFavorite, loadConfig, recommend } from '../../core/index.ts';
import { migrateDatabase, openDatabase } from '../../core/wiring.ts';
import { importDataset } from '../../data/index.ts';
import { silentLogger } from '../../test/support/databases.ts';
import { openProduct, type Product } from '../runtime/product.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const small = path.resolve(process.env.MOVIELENS_DIR ?? path.join(root, '../shared/data/ml-latest-small'));
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 2;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'moviebot-bench-retrain-'));

const database = await openDatabase({ databaseUrl: undefined, pgliteDir: undefined, logger: silentLogger });
await migrateDatabase(database);
let t = performance.now();
await importDataset({ database, dir: small });
console.log(
  `ml-latest-small into in-memory PGlite: ${((performance.now() - t) / 1000).toFixed(1)} s; ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`,
);
const config = loadConfig({ DATA_DIR: path.join(work, 'data'), RETRAIN_CRON: 'off' });
const products = {
  'this thread  ': await openProduct(config, database, silentLogger, () => {}, { trainInThread: false }),
  'worker thread': await openProduct(config, database, silentLogger, () => {}, { trainInThread: true }),
};
t = performance.now();
await Promise.all(Object.values(products).map((p) => p.modelReady));
console.log(`first model: ${((performance.now() - t) / 1000).toFixed(1)} s`);

interface Figures {
  seconds: number;
  lagMax: number;
  lagP99: number;
  answers: number;
  answerP50: number;
  answerMax: number;
}

async function measure(product: Product, round: number): Promise<Figures> {
  const lags: number[] = [];
  let expected = performance.now() + 10;
  const lagTimer = setInterval(() => {
    const now = performance.now();
    lags.push(Math.max(0, now - expected));
    expected = now + 10;
  }, 10);
  const answers: number[] = [];
  let stop = false;
  const interactions = (async () => {
    let i = 0;
    while (!stop) {
      const started = performance.now();
      const member = { platform: 'discord' as const, platformUserId: `bench-${round}-${i % 20}` };
      await addFavorite(product.deps, member, [4226, 32, 1270, 2571, 318][i % 5]!);
      await recommend(product.deps, member, { k: 10 });
      answers.push(performance.now() - started);
      i++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const started = performance.now();
  await product.rollout.retrain({ force: true });
  const seconds = (performance.now() - started) / 1000;
  stop = true;
  await interactions;
  clearInterval(lagTimer);
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
  return {
    seconds,
    lagMax: Math.max(...lags),
    lagP99: pct(lags, 0.99),
    answers: answers.length,
    answerP50: pct(answers, 0.5),
    answerMax: Math.max(...answers),
  };
}

console.log('\nforced retrain (read ratings, hold out, train + write, load, score both models, promote), interactions every 50 ms:');
console.log('training on     retrain  lag max  lag p99  answers  answer p50  answer max');
for (let round = 0; round < rounds; round++) {
  for (const [name, product] of Object.entries(products)) {
    const f = await measure(product, round);
    console.log(
      `${name}  ${f.seconds.toFixed(1).padStart(6)} s ${f.lagMax.toFixed(0).padStart(5)} ms ${f.lagP99.toFixed(0).padStart(5)} ms ${String(f.answers).padStart(8)} ${f.answerP50.toFixed(1).padStart(8)} ms ${f.answerMax.toFixed(0).padStart(8)} ms`,
    );
  }
}

for (const product of Object.values(products)) {
  await product.jobs.close();
  await product.rollout.close();
}
await database.close();
fs.rmSync(work, { recursive: true, force: true });

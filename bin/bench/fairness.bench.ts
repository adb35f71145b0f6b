/**
 * npm run bench:fairness [-- --servers 10 --seed 1]
 *
 * Movie night's fairness rule, measured (issue 14, acceptance 3). Servers of
 * 6 MovieLens users from ml-latest-small (MOVIELENS_DIR), 30% of each one's
 * ratings held out and the model trained without them, so what the bot
 * knows of a member is not their whole taste. Each server holds 20 nights at
 * which all 6 are in, twice: with every member weighing 1, and with the
 * fairness rule's weights (fairness.ts) fed by each night's losses. Printed:
 * each member's mean rank of the winner in their own full list, both ways;
 * the worst-served member's and the group's mean; then how long a
 * shortlist takes for 10 people over the whole catalog.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAIRNESS_DECAY, FAIRNESS_STRENGTH, FAIRNESS_WINDOW, fairnessWeights, nightLosses, nightShortlist, type Attendee } from '../../core/index.ts';
import { loadModel, saveModel, trainModel } from '../../core/wiring.ts';
import { loadTrainingData } from '../../data/index.ts';
import { sampleServers, simulateNights, type Weigh } from './fairness-sim.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SERVERS = arg('servers', 10);
const SEED = arg('seed', 1);
const MEMBERS = 6;
const NIGHTS = 20;
const CANDIDATES = 5;
const HOLD_OUT = 0.3;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.resolve(process.env.MOVIELENS_DIR ?? path.join(root, '../shared/data/ml-latest-small'));
if (!fs.existsSync(dir)) {
  console.error(`bench:fairness needs ml-latest-small at ${dir} (set MOVIELENS_DIR)`);
  process.exit(1);
}
const started = performance.now();
const data = await loadTrainingData(dir);
const { servers, train } = sampleServers(data, { servers: SERVERS, size: MEMBERS, seed: SEED, holdOut: HOLD_OUT, minPositives: 20 });
const trained = await trainModel(train);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'moviebot-bench-fairness-'));
await saveModel(work, trained);
const { recommender: model } = await loadModel(work);
fs.rmSync(work, { recursive: true, force: true });
const movieIds = [...trained.factors.itemIds];

console.log(
  `== bench:fairness: ml-latest-small (${movieIds.length} films), ${SERVERS} servers × ${MEMBERS} members × ${NIGHTS} nights, ` +
    `${CANDIDATES} candidates, ${HOLD_OUT * 100}% of each member's ratings held out (seed ${SEED})`,
);
console.log(`  rule: weight = exp(α·Σᵢ δⁱ·(lossᵢ − ½)) over the last ${FAIRNESS_WINDOW} nights, α = ${FAIRNESS_STRENGTH}, δ = ${FAIRNESS_DECAY}`);
console.log('  votes: a member approves a candidate they rated ≥ 4 (held out), else one their true score puts above their median candidate');
console.log('  rank: the winner among all films the member has not rated or watched at an earlier night, by their whole history; lower is better\n');

const equal: Weigh = () => null;
const favouredNights = { some: 0, all: 0, named: 0 };
const fair: Weigh = (ids, recent) => {
  const { weights, favoured } = fairnessWeights(ids, recent);
  favouredNights.all++;
  if (favoured.length > 0) favouredNights.some++;
  favouredNights.named += favoured.length;
  return weights;
};
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const f0 = (x: number) => x.toFixed(0);
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(0)}`;
const totals = { worstWithout: [] as number[], worstWith: [] as number[], groupWithout: [] as number[], groupWith: [] as number[], held: 0 };

servers.forEach((server, s) => {
  const opts = { nights: NIGHTS, candidates: CANDIDATES, movieIds };
  const without = simulateNights(model, server, { ...opts, weigh: equal }).ranks.map(mean);
  const withRule = simulateNights(model, server, { ...opts, weigh: fair }).ranks.map(mean);
  const worst = [Math.max(...without), Math.max(...withRule)] as const;
  const group = [mean(without), mean(withRule)] as const;
  const held = worst[1] < worst[0] && group[1] - group[0] < worst[0] - worst[1];
  totals.worstWithout.push(worst[0]);
  totals.worstWith.push(worst[1]);
  totals.groupWithout.push(group[0]);
  totals.groupWith.push(group[1]);
  if (held) totals.held++;
  console.log(`server ${s + 1} (users ${server.map((m) => m.userId).join(', ')})`);
  console.log(`  each member, without → with: ${without.map((w, i) => `${f0(w)}→${f0(withRule[i]!)}`).join('  ')}`);
  console.log(
    `  worst-served ${f0(worst[0])} → ${f0(worst[1])} (${signed(worst[1] - worst[0])}), group mean ${f0(group[0])} → ${f0(group[1])} ` +
      `(${signed(group[1] - group[0])})  ${held ? 'holds' : 'DOES NOT HOLD'}`,
  );
});

const worstGain = mean(totals.worstWithout) - mean(totals.worstWith);
const groupCost = mean(totals.groupWith) - mean(totals.groupWithout);
console.log(`\nsummary over ${SERVERS} servers (mean of the per-server figures; mean rank of the winner, lower is better)`);
console.log(`  worst-served member: ${f0(mean(totals.worstWithout))} without the rule → ${f0(mean(totals.worstWith))} with it (gain ${f0(worstGain)})`);
console.log(`  group mean:          ${f0(mean(totals.groupWithout))} without the rule → ${f0(mean(totals.groupWith))} with it (cost ${signed(groupCost)})`);
console.log(
  `  acceptance (the worst-served gains, the group mean loses less than that): ${worstGain > 0 && groupCost < worstGain ? 'holds' : 'DOES NOT HOLD'}`,
);
console.log(`  servers where it holds on their own: ${totals.held} of ${SERVERS}`);
console.log(
  `  nights with someone named as favoured: ${favouredNights.some} of ${favouredNights.all} ` +
    `(${(favouredNights.named / Math.max(1, favouredNights.some)).toFixed(1)} named on such a night)`,
);

// Speed: a night of 10 people over the whole catalog, as the bot serves it (shortlist index, WebAssembly kernel).
// CPU time is printed beside wall time: on a shared machine the wall clock also counts other processes' turns.
const ten = sampleServers(data, { servers: 5, size: 10, seed: SEED + 1000, holdOut: 0, minPositives: 20 }).servers;
const watched = new Set(movieIds.slice(0, 20));
const timings = { shortlist: [] as number[], shortlistCpu: [] as number[], losses: [] as number[], lossesCpu: [] as number[] };
const timed = <T>(fn: () => T): [T, number, number] => {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const out = fn();
  const { user, system } = process.cpuUsage(cpu);
  return [out, performance.now() - t, (user + system) / 1000];
};
for (let round = 0; round < 6; round++) {
  for (const people of ten) {
    const attendees: Attendee[] = people.map((m, i) => ({ userId: m.userId, profile: m.profile, weight: 1 + (i % 3) }));
    const [list, shortlistMs, shortlistCpu] = timed(() => nightShortlist(model, attendees, CANDIDATES, watched));
    const [, lossesMs, lossesCpu] = timed(() =>
      nightLosses(
        model,
        attendees,
        list.map((c) => c.movieId),
        list[0]!.movieId,
      ),
    );
    // The first round warms the JIT and the per-λ caches.
    if (round === 0) continue;
    timings.shortlist.push(shortlistMs);
    timings.shortlistCpu.push(shortlistCpu);
    timings.losses.push(lossesMs);
    timings.lossesCpu.push(lossesCpu);
  }
}
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!.toFixed(1);
const spread = (xs: number[]) => `min ${pct(xs, 0)} ms, p50 ${pct(xs, 0.5)} ms, p95 ${pct(xs, 0.95)} ms, max ${pct(xs, 1)} ms`;
console.log(`\nspeed, 10 people over ${movieIds.length} films (${timings.shortlist.length} nights), wall (CPU):`);
console.log(`  nightShortlist ${spread(timings.shortlist)} (${spread(timings.shortlistCpu)})`);
console.log(`  nightLosses    ${spread(timings.losses)} (${spread(timings.lossesCpu)})`);
console.log(`\nbench:fairness took ${((performance.now() - started) / 1000).toFixed(1)} s`);

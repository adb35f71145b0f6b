import path from 'node:path';
import type { Command } from 'commander';
import { type RetrainOutcome, type SliceScore } from '../../core/index.ts';
import { ModelHolder, saveModel, trainModel } from '../../core/wiring.ts';
import { formatBytes, loadTrainingData } from '../../data/index.ts';
import { boot, openStorage } from '../runtime/boot.ts';
import { openModelRollout } from '../runtime/model-rollout.ts';
import { n, say } from '../runtime/output.ts';
import { connectRedis } from '../runtime/redis.ts';

export function registerTrainCommand(program: Command): void {
  program
    .command('train')
    .description(
      "retrain the served model on the database (MovieLens plus the community's favourites and 👍/👎), evaluate it on a held-out slice and promote it if it is not worse; or, with --data, train from a MovieLens folder into --model",
    )
    .option('--data <dir>', 'train from this MovieLens folder (any layout `data import` reads) instead of the database')
    .option('--model <dir>', 'with --data: where to write the model (replaced atomically)')
    .option('--force', 'retrain even when the active model already learned from exactly this data')
    .action(async (opts: { data?: string; model?: string; force?: boolean }) => {
      if (opts.data !== undefined || opts.model !== undefined) {
        if (!opts.data || !opts.model) throw new Error('--data and --model go together: train from a folder into a model directory');
        await trainFromFolder(opts.data, opts.model);
        return;
      }
      await trainFromDatabase(opts.force ?? false);
    });
}

async function trainFromFolder(data: string, modelDir: string): Promise<void> {
  const started = performance.now();
  say(`Reading ${data}…`);
  const training = await loadTrainingData(data);
  say(`  ${n(training.ratings.length)} ratings, ${n(training.movies.length)} movies, ${n(training.tags.length)} tags`);
  const model = await trainModel(training, { log: (line) => say(`  ${line}`) });
  await saveModel(modelDir, model);
  const { manifest } = model;
  say(`Model ${manifest.version} written to ${path.resolve(modelDir)}`);
  say(`  ${n(manifest.items)} movies × ${manifest.rank} dimensions; fit ${manifest.trainingSeconds.toFixed(1)} s on ${manifest.backend}`);
  say(`  total ${((performance.now() - started) / 1000).toFixed(1)} s, peak memory ${formatBytes(process.resourceUsage().maxRSS * 1024)}`);
}

/**
 * Trains here (not through the queue, so the figures are printed as they
 * come) and announces a promotion on Redis when REDIS_URL is set: running
 * bots and workers switch to it without a restart.
 */
async function trainFromDatabase(force: boolean): Promise<void> {
  const started = performance.now();
  const booted = boot('train');
  const database = await openStorage(booted, { migrate: true });
  const { redis, close } = connectRedis(booted.config, booted.logger);
  const rollout = openModelRollout({ ...booted, database, models: new ModelHolder(), say, redis, serve: false });
  try {
    say(`Retraining on ${database.description}${redis ? ' (promotions are announced on Redis)' : ''}…`);
    const outcome = await rollout.retrain({ force });
    printOutcome(outcome);
    say(`  total ${((performance.now() - started) / 1000).toFixed(1)} s, peak memory ${formatBytes(process.resourceUsage().maxRSS * 1024)}`);
    if (outcome.status === 'rejected') process.exitCode = 3;
  } finally {
    await rollout.close();
    await close();
    await database.close();
  }
}

function printOutcome(o: RetrainOutcome): void {
  const verdict = { promoted: 'promoted: now served', rejected: 'rejected: the current model stays', unchanged: 'unchanged' }[o.status];
  say(`Model ${o.version} ${verdict} (${o.reason})`);
  if (o.ratings !== undefined)
    say(`  trained on ${n(o.ratings)} ratings, ${n(o.communitySignals ?? 0)} of them from the community, in ${o.trainingSeconds?.toFixed(1)} s`);
  const line = (label: string, s: SliceScore) =>
    say(`  ${label} NDCG@20 ${s.ndcg20.toFixed(4)}  recall@20 ${s.recall20.toFixed(4)}  (${n(s.users)} held-out users)`);
  if (o.candidate) line('new model:    ', o.candidate);
  if (o.current) line('current model:', o.current);
}

import path from 'node:path';
import type { Command } from 'commander';
import { saveModel, trainModel } from '../../core/index.ts';
import { formatBytes, loadTrainingData } from '../../data/index.ts';

import { n, say } from '../runtime/output.ts';

export function registerTrainCommand(program: Command): void {
  program
    .command('train')
    .description('train a recommendation model from a MovieLens folder and write it to a model directory')
    .requiredOption('--data <dir>', 'a MovieLens folder in any layout `data import` reads')
    .requiredOption('--model <dir>', 'where to write the model (replaced atomically)')
    .action(async (opts: { data: string; model: string }) => {
      const started = performance.now();
      say(`Reading ${opts.data}…`);
      const data = await loadTrainingData(opts.data);
      say(`  ${n(data.ratings.length)} ratings, ${n(data.movies.length)} movies, ${n(data.tags.length)} tags`);
      const model = await trainModel(data, { log: (line) => say(`  ${line}`) });
      await saveModel(opts.model, model);
      const { manifest } = model;
      say(`Model ${manifest.version} written to ${path.resolve(opts.model)}`);
      say(`  ${n(manifest.items)} movies × ${manifest.rank} dimensions; fit ${manifest.trainingSeconds.toFixed(1)} s on ${manifest.backend}`);
      say(`  total ${((performance.now() - started) / 1000).toFixed(1)} s, peak memory ${formatBytes(process.resourceUsage().maxRSS * 1024)}`);
    });
}

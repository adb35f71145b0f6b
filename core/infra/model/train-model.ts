import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_FIT, fitEase, type FitParams } from '../../domain/recommender/fit/fit-ease.ts';
import { DEFAULT_SERVING, type ServingParams } from '../../domain/recommender/serving-params.ts';
import type { TrainingData } from '../../domain/recommender/types.ts';
import { MODEL_FORMAT, type ModelArtifacts } from './model-artifacts.ts';
import { tensorflowMath } from './tfjs-math.ts';

export interface TrainOptions {
  fit?: FitParams;
  serving?: ServingParams;
  metrics?: Record<string, number>;
  log?: (line: string) => void;
}

/** Trains a model on TF.js (native where installed, wasm otherwise) and describes it in a manifest. */
export async function trainModel(data: TrainingData, opts: TrainOptions = {}): Promise<ModelArtifacts> {
  const started = performance.now();
  const math = await tensorflowMath();
  opts.log?.(`TensorFlow.js backend: ${math.backend}`);
  const fit = opts.fit ?? DEFAULT_FIT;
  const factors = await fitEase(data, fit, math);
  const trainingSeconds = (performance.now() - started) / 1000;
  const created = new Date();
  const fingerprint = datasetFingerprint(data);
  return {
    factors,
    movies: data.movies,
    manifest: {
      format: MODEL_FORMAT,
      version: versionName(created, fingerprint),
      created: created.toISOString(),
      datasetFingerprint: fingerprint,
      backend: math.backend,
      metrics: { ratings: data.ratings.length, movies: data.movies.length, ...opts.metrics },
      items: factors.itemIds.length,
      rank: factors.rank,
      fit,
      serving: opts.serving ?? DEFAULT_SERVING,
      trainingSeconds,
    },
  };
}

/**
 * `<time to the second>-<data fingerprint>-<random>`: names sort by age (pruning keeps the newest), and two
 * runs on the same data in the same second (processes starting together) still get directories of their own.
 */
export function versionName(created: Date, fingerprint: string): string {
  return `${created.toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${fingerprint.slice(0, 8)}-${randomBytes(3).toString('hex')}`;
}

/** A content hash of what the model learned from: same data, same fingerprint. */
export function datasetFingerprint(data: TrainingData): string {
  const hash = createHash('sha256');
  const { ratings } = data;
  for (const array of [ratings.userIds, ratings.movieIds, ratings.ratings]) {
    hash.update(new Uint8Array(array.buffer, array.byteOffset, ratings.length * array.BYTES_PER_ELEMENT));
  }
  for (const m of data.movies) hash.update(`${m.id}\t${m.title}\t${m.year}\t${m.genres.join('|')}\n`);
  for (const t of data.tags) hash.update(`${t.movieId}\t${t.tag}\n`);
  return hash.digest('hex').slice(0, 32);
}

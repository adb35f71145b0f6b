import fs from 'node:fs/promises';
import path from 'node:path';
import type { EaseFactors } from '../../domain/recommender/ease-factors.ts';
import { EaseRecommender } from '../../domain/recommender/ease-recommender.ts';
import type { FitParams } from '../../domain/recommender/fit/fit-ease.ts';
import type { ServingParams } from '../../domain/recommender/serving-params.ts';
import type { CatalogMovie } from '../../domain/recommender/types.ts';
import type { VectorIndex } from '../../domain/recommender/vector-index.ts';
import { HnswIndex } from './hnsw-index.ts';
import { readArray, writeArray, writeDirectoryAtomically } from './model-files.ts';
import { SCAN_MAX_ITEMS, ScanIndex } from './scan-index.ts';
import { wasmDotKernel } from './wasm-dot-kernel.ts';

export const MODEL_FORMAT = 1;

/** The directory holds no model this build can read. */
export class ModelNotFoundError extends Error {}

/** manifest.json: what a model directory holds and how it was made. */
export interface ModelManifest {
  format: number;
  version: string;
  created: string;
  datasetFingerprint: string;
  /** TF.js backend the training ran on. */
  backend: string;
  metrics: Record<string, number>;
  items: number;
  rank: number;
  fit: FitParams;
  serving: ServingParams;
  trainingSeconds: number;
}

export interface ModelArtifacts {
  manifest: ModelManifest;
  factors: EaseFactors;
  movies: CatalogMovie[];
}

export interface LoadedModel {
  manifest: ModelManifest;
  recommender: EaseRecommender;
  movies: CatalogMovie[];
  dir: string;
}

/**
 * Writes a complete model directory: manifest, arrays, id map, catalog and,
 * for a catalog too large to scan ({@link SCAN_MAX_ITEMS}), the HNSW index.
 */
export async function saveModel(dir: string, model: ModelArtifacts, { scanMaxItems = SCAN_MAX_ITEMS } = {}): Promise<void> {
  const { factors } = model;
  let index: HnswIndex | undefined;
  if (factors.itemIds.length > scanMaxItems) {
    const { vectors, dimensions } = new EaseRecommender(factors, model.manifest.serving).indexVectors();
    index = HnswIndex.build(vectors, dimensions);
  }
  await writeDirectoryAtomically(dir, async (tmp) => {
    await writeArray(tmp, 'item-ids.i32', factors.itemIds);
    await writeArray(tmp, 'vectors.f32', factors.vectors);
    await writeArray(tmp, 'eigenvalues.f64', factors.values);
    await writeArray(tmp, 'popularity.f32', factors.popularity);
    await writeArray(tmp, 'item-scale.f32', factors.itemScale);
    if (index) await index.write(path.join(tmp, 'items.hnsw'));
    await fs.writeFile(path.join(tmp, 'movies.json'), JSON.stringify(model.movies));
    // The manifest goes last: a directory with one is complete.
    await fs.writeFile(path.join(tmp, 'manifest.json'), `${JSON.stringify(model.manifest, null, 2)}\n`);
  });
}

/** Loads a model directory written by {@link saveModel} (with the same `scanMaxItems`), ready to serve. */
export async function loadModel(dir: string, { scanMaxItems = SCAN_MAX_ITEMS } = {}): Promise<LoadedModel> {
  const manifestText = await fs.readFile(path.join(dir, 'manifest.json'), 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw new ModelNotFoundError(`${dir} holds no model (no manifest.json); train one with: moviebot train`);
    throw err;
  });
  const manifest = JSON.parse(manifestText) as ModelManifest;
  if (manifest.format !== MODEL_FORMAT) throw new ModelNotFoundError(`${dir}: model format ${manifest.format}, this build reads ${MODEL_FORMAT}`);
  const n = manifest.items;
  const factors: EaseFactors = {
    itemIds: await readArray(dir, 'item-ids.i32', Int32Array, n),
    rank: manifest.rank,
    vectors: await readArray(dir, 'vectors.f32', Float32Array, n * manifest.rank),
    values: await readArray(dir, 'eigenvalues.f64', Float64Array, manifest.rank),
    popularity: await readArray(dir, 'popularity.f32', Float32Array, n),
    itemScale: await readArray(dir, 'item-scale.f32', Float32Array, n),
  };
  const recommender = new EaseRecommender(factors, manifest.serving, wasmDotKernel);
  recommender.attachIndex(await shortlistIndex(dir, recommender, scanMaxItems));
  const movies = JSON.parse(await fs.readFile(path.join(dir, 'movies.json'), 'utf8')) as CatalogMovie[];
  return { manifest, recommender, movies, dir: path.resolve(dir) };
}

/** The scan up to `scanMaxItems` items (built at load, in well under a second), else the saved HNSW index. */
async function shortlistIndex(dir: string, recommender: EaseRecommender, scanMaxItems: number): Promise<VectorIndex> {
  if (recommender.factors.itemIds.length <= scanMaxItems) {
    const { vectors, dimensions } = recommender.indexVectors();
    return new ScanIndex(vectors, dimensions);
  }
  return HnswIndex.read(path.join(dir, 'items.hnsw'), recommender.indexDimensions);
}

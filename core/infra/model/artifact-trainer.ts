import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ModelVersion } from '../../domain/model.ts';
import type { ModelTrainer, TrainedModel } from '../../domain/ports/model-trainer.ts';
import { DEFAULT_FIT } from '../../domain/recommender/fit/fit-ease.ts';
import { DEFAULT_SERVING } from '../../domain/recommender/serving-params.ts';
import type { Recommender, TrainingData } from '../../domain/recommender/types.ts';
import { loadModel, MODEL_FORMAT, saveModel, type LoadedModel, type ModelManifest } from './model-artifacts.ts';
import type { ModelHolder } from './model-holder.ts';
import { trainModel } from './train-model.ts';
import { trainInThread } from './train-thread.ts';

/** Where versions live under DATA_DIR: models/<version>, one directory each. */
export const MODELS_DIR = 'models';
/** Versions kept on disk besides the active one: the newest few, to roll back to. */
export const PRUNE_KEEP = 3;

/**
 * Trains with TF.js and keeps each version in DATA_DIR/models/<version>,
 * written through a temporary directory renamed into place, so a process
 * killed mid-training leaves no version behind, only a `.partial-` folder.
 */
export class ArtifactTrainer implements ModelTrainer {
  readonly recipe = createHash('sha256')
    .update(JSON.stringify({ format: MODEL_FORMAT, fit: DEFAULT_FIT, serving: DEFAULT_SERVING }))
    .digest('hex')
    .slice(0, 16);

  /** The model last trained here, loaded: served at once if it is promoted, instead of read again. */
  private latest: LoadedModel | undefined;

  constructor(
    private readonly dataDir: string,
    /** The model this process serves: opening the active version reuses it instead of reading it again. */
    private readonly served?: ModelHolder,
    private readonly log?: (line: string) => void,
    /**
     * `thread`: train and write on a worker thread (the event loop stays free; `data`'s rating
     * arrays are handed over to it); `signal` stops that thread (shutdown).
     */
    private readonly options: { thread?: boolean; signal?: AbortSignal } = {},
  ) {}

  async train(data: TrainingData, metrics: Record<string, number>): Promise<TrainedModel> {
    const modelsDir = path.join(this.dataDir, MODELS_DIR);
    const manifest = this.options.thread
      ? await trainInThread(data, { modelsDir, metrics, log: this.log, signal: this.options.signal })
      : await trainHere(data, modelsDir, metrics, this.log);
    const { version, backend, trainingSeconds } = manifest;
    const relative = path.join(MODELS_DIR, version);
    this.latest = await loadModel(path.join(this.dataDir, relative));
    return { version, path: relative, backend, trainingSeconds, recommender: this.latest.recommender };
  }

  async open(version: ModelVersion): Promise<Recommender | null> {
    if (this.served?.ready && this.served.current().manifest.version === version.version) return this.served.current().recommender;
    try {
      return (await loadModel(path.resolve(this.dataDir, version.path))).recommender;
    } catch {
      return null;
    }
  }

  /** Hands over the loaded model of `version` if it was the last one trained here (once). */
  take(version: string): LoadedModel | undefined {
    const latest = this.latest;
    this.latest = undefined;
    return latest?.manifest.version === version ? latest : undefined;
  }

  /**
   * Deletes old versions' directories, keeping `active` and the `keep` newest
   * (versions start with their creation time, so names sort by age) for a
   * rollback, and temporary folders a killed training left over an hour ago.
   * Processes still serving an older version hold it in memory.
   */
  async prune(active: string, keep = PRUNE_KEEP): Promise<string[]> {
    const dir = path.join(this.dataDir, MODELS_DIR);
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    const versions = entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'current')
      .map((e) => e.name)
      .sort();
    const doomed = versions.slice(0, Math.max(0, versions.length - keep)).filter((v) => v !== active);
    const hourAgo = Date.now() - 3_600_000;
    for (const e of entries) {
      if (!e.isDirectory() || !e.name.includes('.partial-')) continue;
      const stat = await fs.stat(path.join(dir, e.name)).catch(() => null);
      if (stat && stat.mtimeMs < hourAgo) doomed.push(e.name);
    }
    for (const name of doomed) await fs.rm(path.join(dir, name), { recursive: true, force: true });
    return doomed;
  }

  async discard(version: string): Promise<void> {
    await fs.rm(path.join(this.dataDir, MODELS_DIR, version), { recursive: true, force: true });
  }
}

/** Trains and writes modelsDir/<version> on this thread (blocks the event loop for the fit). */
async function trainHere(data: TrainingData, modelsDir: string, metrics: Record<string, number>, log?: (line: string) => void): Promise<ModelManifest> {
  const model = await trainModel(data, { metrics, log });
  await saveModel(path.join(modelsDir, model.manifest.version), model);
  return model.manifest;
}

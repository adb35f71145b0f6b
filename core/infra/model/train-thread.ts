import { Worker } from 'node:worker_threads';
import type { TrainingData } from '../../domain/recommender/types.ts';
import type { ModelManifest } from './model-artifacts.ts';

/** What the training thread is given (workerData). */
export interface TrainThreadRequest {
  data: TrainingData;
  /** The thread writes the model to modelsDir/<version>. */
  modelsDir: string;
  metrics: Record<string, number>;
}

/** What it sends back: log lines, then the written model's manifest. */
export type TrainThreadReply = { log: string } | { manifest: ModelManifest };

export interface TrainInThreadOptions {
  modelsDir: string;
  metrics?: Record<string, number>;
  log?: (line: string) => void;
  /** Aborting terminates the thread: nothing is written but a `.partial-` folder, pruned later. */
  signal?: AbortSignal;
}

/**
 * Trains a model (trainModel + saveModel) on a worker thread and resolves
 * with the manifest of the version it wrote to modelsDir/<version>. The
 * fit's seconds of dense math and the HNSW build then leave the event loop
 * free: in `moviebot start` answers keep flowing during a retrain, and a
 * BullMQ worker keeps renewing its job locks.
 *
 * The rating columns are transferred, not copied: `data.ratings`' typed
 * arrays are detached (empty) once this returns. Columns that are views of
 * a larger buffer are copied to a buffer of their own first.
 */
export function trainInThread(data: TrainingData, opts: TrainInThreadOptions): Promise<ModelManifest> {
  if (opts.signal?.aborted) return Promise.reject(stopped());
  const { ratings } = data;
  const own = <T extends Int32Array | Float32Array>(a: T): T =>
    a.byteOffset === 0 && a.byteLength === a.buffer.byteLength && a.length === ratings.length ? a : (a.slice(0, ratings.length) as T);
  const columns = { length: ratings.length, userIds: own(ratings.userIds), movieIds: own(ratings.movieIds), ratings: own(ratings.ratings) };
  const buffers = new Set([columns.userIds.buffer, columns.movieIds.buffer, columns.ratings.buffer] as ArrayBuffer[]);
  const request: TrainThreadRequest = { data: { ...data, ratings: columns }, modelsDir: opts.modelsDir, metrics: opts.metrics ?? {} };
  const worker = new Worker(new URL('./train-thread.entry.mjs', import.meta.url), { workerData: request, transferList: [...buffers] });
  return new Promise<ModelManifest>((resolve, reject) => {
    let manifest: ModelManifest | undefined;
    let failure: unknown;
    const abort = () => {
      failure = stopped();
      void worker.terminate();
    };
    opts.signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (message: TrainThreadReply) => {
      if ('log' in message) opts.log?.(message.log);
      else manifest = message.manifest;
    });
    worker.on('error', (err) => (failure ??= err));
    worker.on('exit', (code) => {
      opts.signal?.removeEventListener('abort', abort);
      if (manifest && failure === undefined) resolve(manifest);
      else reject(failure ?? new Error(`the training thread exited (code ${code}) without a model`));
    });
  });
}

function stopped(): Error {
  return Object.assign(new Error('training stopped: the process is shutting down'), { name: 'AbortError' });
}

import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { saveModel } from './model-artifacts.ts';
import type { TrainThreadReply, TrainThreadRequest } from './train-thread.ts';
import { trainModel } from './train-model.ts';

/** Runs in the training thread: trains, writes DIR/<version> atomically and replies with the manifest. */
const { data, modelsDir, metrics } = workerData as TrainThreadRequest;
const reply = (message: TrainThreadReply) => parentPort!.postMessage(message);
const model = await trainModel(data, { metrics, log: (line) => reply({ log: line }) });
await saveModel(path.join(modelsDir, model.manifest.version), model);
reply({ manifest: model.manifest });

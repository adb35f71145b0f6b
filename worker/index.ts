export { createProcessors, type ProcessorContext, type TmdbJobDeps } from './processors/index.ts';
export { startBullmqWorkers, type WorkerOptions } from './bullmq-worker.ts';

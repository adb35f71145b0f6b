export { createProcessors, type ProcessorContext } from './processors/index.ts';
export { startBullmqWorkers, type WorkerOptions } from './bullmq-worker.ts';

/** The dataset side of Moviebot: fetching and importing MovieLens. */
export * from './import/index.ts';
export { fetchRelease, RELEASE_NAMES, type FetchReleaseOptions, type FetchedRelease } from './fetch/index.ts';
export { detectDataset } from './dataset/index.ts';
export { DatasetError, type DatasetFiles, type RowProblem } from './dataset/types.ts';
export { createProgress, formatBytes } from './progress.ts';
export { loadTrainingData, TrainingDataError } from './training/load-training-data.ts';
export { withoutByteOrderMark } from './byte-order-mark.ts';

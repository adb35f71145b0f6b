export { importDataset, type ImportOptions, type ImportProgress, type ImportStage, type ImportSummary } from './import-dataset.ts';
export { ImportRejectedError, formatProblem, MAX_REPORTED_PROBLEMS } from './import-errors.ts';
export { ensureCatalog, type CatalogSource } from './ensure-catalog.ts';

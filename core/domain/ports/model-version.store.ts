import type { ModelVersion } from '../model.ts';

export type NewModelVersion = Pick<ModelVersion, 'version' | 'path' | 'datasetFingerprint' | 'backend' | 'metrics'>;

export interface ModelVersionStore {
  /** Registers a trained model as a candidate. Idempotent on `version`. */
  register(model: NewModelVersion): Promise<void>;
  /** Makes `version` the active one and retires the previous; one active at a time. */
  promote(version: string): Promise<void>;
  reject(version: string): Promise<void>;
  active(): Promise<ModelVersion | null>;
}

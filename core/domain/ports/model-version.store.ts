import type { ModelVersion } from '../model.ts';

export type NewModelVersion = Pick<ModelVersion, 'version' | 'path' | 'datasetFingerprint' | 'backend' | 'metrics'>;

export interface ModelVersionStore {
  /** Registers a trained model as a candidate. Idempotent on `version`. */
  register(model: NewModelVersion): Promise<void>;
  /**
   * Makes `version` the active one and retires the previous; one active at a
   * time. With `ifActive`, only while that version (null: none) is still the
   * active one, checked and changed atomically across processes: a retrain
   * passes the model it compared its candidate with, so a promotion that
   * happened meanwhile is not overwritten. Returns whether it promoted.
   */
  promote(version: string, options?: { ifActive?: string | null }): Promise<boolean>;
  reject(version: string): Promise<void>;
  active(): Promise<ModelVersion | null>;
  /** Versions that were active before (retired), the most recently promoted first: what to fall back to. */
  formerlyActive(): Promise<ModelVersion[]>;
}

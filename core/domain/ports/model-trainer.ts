import type { ModelVersion } from '../model.ts';
import type { Recommender, TrainingData } from '../recommender/types.ts';
import type { CommunitySignal } from '../rollout/community-ratings.ts';

/** What a retrain learns from: the imported MovieLens ratings and the community's own signals. */
export interface TrainingDataSource {
  /** MovieLens ratings, movies and tags as imported; `fingerprint` changes when a new release is imported. */
  movielens(): Promise<{ data: TrainingData; fingerprint: string }>;
  /** The fingerprint {@link movielens} would return, without reading the ratings (cheap). */
  movielensFingerprint(): Promise<string>;
  /** Every current favourite, 👍 and 👎, in a stable order. */
  communitySignals(): Promise<CommunitySignal[]>;
}

/** A model trained and written to its own version directory, not yet served. */
export interface TrainedModel {
  version: string;
  /** Where its artifacts are, as the registry stores it (relative to DATA_DIR). */
  path: string;
  backend: string;
  trainingSeconds: number;
  recommender: Recommender;
}

/** Trains models and keeps their artifacts, one directory per version. */
export interface ModelTrainer {
  /** Identifies the training recipe (format, fit and serving parameters): a new one is worth a retrain on the same data. */
  readonly recipe: string;
  /** Trains on `data` and writes the model atomically: a crash leaves no half-written version. */
  train(data: TrainingData, metrics: Record<string, number>): Promise<TrainedModel>;
  /** The model of a registered version, or null when its artifacts are missing or unreadable. */
  open(version: ModelVersion): Promise<Recommender | null>;
  /** Deletes a version's artifacts (a rejected candidate). */
  discard(version: string): Promise<void>;
}

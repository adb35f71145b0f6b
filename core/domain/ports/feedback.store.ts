import type { FeedbackSource, FeedbackValue } from '../model.ts';

export interface FeedbackInput {
  userId: number;
  movieId: number;
  value: FeedbackValue;
  source: FeedbackSource;
  communityId?: number | null;
  /** The platform's id of this click or reaction: a redelivered event with the same key is ignored. */
  eventKey?: string | null;
}

export interface FeedbackStore {
  /** Stores the event and the new current value atomically; false if `eventKey` was seen before. */
  record(input: FeedbackInput): Promise<boolean>;
  /** Current values, movie id → 1 | -1. */
  current(userId: number): Promise<Map<number, 1 | -1>>;
  /** {@link current} for several people in one read (the recompute worker's batches); everyone asked is a key. */
  currentMany(userIds: readonly number[]): Promise<Map<number, Map<number, 1 | -1>>>;
  /** Every event of the user, oldest first. */
  history(userId: number): Promise<{ movieId: number; value: FeedbackValue; source: FeedbackSource; at: Date }[]>;
}

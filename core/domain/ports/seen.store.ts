import type { SeenSource } from '../model.ts';

/** Films each person has watched: never recommended to them again, nor put on a movie night they are in. */
export interface SeenStore {
  /** True when the film was marked now, false when it already was seen (the first mark's source and time stay). */
  mark(userId: number, movieId: number, source: SeenSource): Promise<boolean>;
  /** True when a mark was removed. */
  unmark(userId: number, movieId: number): Promise<boolean>;
  /** Movie ids, most recently watched first. */
  list(userId: number): Promise<number[]>;
  /** {@link list} for several people in one read (the recompute worker's batches, a night's attendees); everyone asked is a key. */
  listMany(userIds: readonly number[]): Promise<Map<number, number[]>>;
}

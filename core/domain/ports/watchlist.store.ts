/** Films each person means to watch ("🕐 Later"). */
export interface WatchlistStore {
  /** True when added now, false when it already was on the list (its first date stays). */
  add(userId: number, movieId: number): Promise<boolean>;
  /** True when it was on the list. */
  remove(userId: number, movieId: number): Promise<boolean>;
  /** Movie ids, most recently added first. */
  list(userId: number): Promise<number[]>;
  /** {@link list} for several people in one read (the recompute worker's batches); everyone asked is a key. */
  listMany(userIds: readonly number[]): Promise<Map<number, number[]>>;
}

export interface FavoriteStore {
  /** True when it was added, false when it already was a favourite. */
  add(userId: number, movieId: number): Promise<boolean>;
  /** True when it was removed. */
  remove(userId: number, movieId: number): Promise<boolean>;
  /** Movie ids, oldest first. */
  list(userId: number): Promise<number[]>;
  /** {@link list} for several people in one read (the recompute worker's batches); everyone asked is a key. */
  listMany(userIds: readonly number[]): Promise<Map<number, number[]>>;
}

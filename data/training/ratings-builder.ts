/**
 * Collects rating batches into one column table. The arrays grow by doubling
 * (or straight to the size the file's read progress predicts), so ml-25m ends
 * in about 25M × 12 bytes plus a little slack, not in an array of objects.
 */
import type { RatingsTable } from '../../core/index.ts';

/** What the builder needs to know about a batch of ratings. */
export interface RatingColumns {
  count: number;
  userIds: Int32Array;
  movieIds: Int32Array;
  ratings: Float32Array;
}

export class RatingsBuilder {
  private userIds: Int32Array;
  private movieIds: Int32Array;
  private ratings: Float32Array;
  private length = 0;

  constructor(initialCapacity = 1 << 16) {
    const capacity = Math.max(1, initialCapacity);
    this.userIds = new Int32Array(capacity);
    this.movieIds = new Int32Array(capacity);
    this.ratings = new Float32Array(capacity);
  }

  /**
   * Appends the first `batch.count` rows of a batch.
   * @param expectedTotal - a guess at the final row count, used to grow once
   *   to about the right size instead of doubling past it.
   */
  append(batch: RatingColumns, expectedTotal = 0): void {
    const needed = this.length + batch.count;
    if (needed > this.userIds.length) this.grow(needed, expectedTotal);
    this.userIds.set(batch.userIds.subarray(0, batch.count), this.length);
    this.movieIds.set(batch.movieIds.subarray(0, batch.count), this.length);
    this.ratings.set(batch.ratings.subarray(0, batch.count), this.length);
    this.length = needed;
  }

  /** The table; the builder must not be used afterwards. */
  finish(): RatingsTable {
    const { length } = this;
    // Slack over a quarter is worth one copy to give back; less is kept as a view.
    const trim = this.userIds.length > length * 1.25;
    const cut = <T extends Int32Array | Float32Array>(a: T): T => (trim ? a.slice(0, length) : a.subarray(0, length)) as T;
    return { length, userIds: cut(this.userIds), movieIds: cut(this.movieIds), ratings: cut(this.ratings) };
  }

  private grow(needed: number, expectedTotal: number): void {
    const capacity = this.userIds.length;
    // Between ×1.25 (so a low guess cannot make us copy on every batch) and ×2.
    const target = expectedTotal > 0 ? Math.min(Math.max(expectedTotal, capacity * 1.25), capacity * 2) : capacity * 2;
    const next = Math.max(needed, Math.ceil(target));
    const userIds = new Int32Array(next);
    const movieIds = new Int32Array(next);
    const ratings = new Float32Array(next);
    userIds.set(this.userIds.subarray(0, this.length));
    movieIds.set(this.movieIds.subarray(0, this.length));
    ratings.set(this.ratings.subarray(0, this.length));
    this.userIds = userIds;
    this.movieIds = movieIds;
    this.ratings = ratings;
  }
}
